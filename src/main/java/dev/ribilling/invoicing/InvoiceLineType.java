package dev.ribilling.invoicing;

/**
 * The closed set of invoice line types of contract section 4. The declaration order is the order in
 * which lines appear on an invoice and in its CSV, so it must not be changed casually.
 */
public enum InvoiceLineType {
    ReservationPurchase,
    ReservationInstalment,
    ReservationRefund,
    PaygUsage,
    SoftwareUsage,
    Adjustment;

    /** Reservation lines carry a charge date in their line key; usage lines are aggregated over the month. */
    public boolean isReservationLine() {
        return this == ReservationPurchase || this == ReservationInstalment || this == ReservationRefund;
    }
}
