package dev.ribilling.reporting;

/**
 * The charge type both sides of the Variance sheet can agree on. Microsoft's new-commerce ChargeType values
 * (new, renew, cycleCharge, ...) do not map one to one onto our line types: the first instalment of a monthly
 * plan arrives as "new" like an upfront purchase, and the refund's ChargeType is undocumented (domain.md Q5).
 * So purchases and instalments are one category, refunds the other.
 */
public enum ChargeCategory {
    /** Purchase or instalment: our ReservationPurchase and ReservationInstalment lines. */
    CHARGE,
    /** Cancellation or exchange refund: our ReservationRefund lines. */
    REFUND
}
