package dev.ribilling.reporting;

/** The rows of the Summary sheet, in the order a reader meets them. */
public enum SummaryLevel {
    CUSTOMER,
    /** A reseller's customers in one currency; the partner's direct customers form the reseller "(direct)". */
    RESELLER,
    /** Every customer in one currency: ties out to the invoices of the month in that currency. */
    CURRENCY_TOTAL,
    /** Everything, converted to the partner's currency. */
    PARTNER_TOTAL
}
