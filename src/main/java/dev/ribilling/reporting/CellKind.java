package dev.ribilling.reporting;

/** How a column's values are stored and formatted in the workbook. */
enum CellKind {
    /** Always a string cell, whatever the text looks like. */
    TEXT,
    /** Rounded half-up to the row currency's minor units (2 decimals without a currency). */
    MONEY,
    /** Reservation units and hours: 6 decimals stored, 2 to 6 shown. */
    UNITS,
    /** A fraction at 4 decimals shown as a percentage. */
    PERCENT,
    /** Exchange rates and hourly prices, shown with up to 10 decimals. */
    RATE,
    DATE,
    INTEGER
}
