package dev.ribilling.reporting;

/** The kinds of rows on the Alerts sheet; {@link #OTHER} carries any alert another step raised. */
public enum AlertKind {
    LOW_UTILIZATION_7_DAYS,
    LOW_UTILIZATION_30_DAYS,
    NEGATIVE_SAVINGS,
    EXPIRING_SOON,
    REFUND_CAP,
    CUSTOMER_SKIPPED_FX_RATE,
    CUSTOMER_SKIPPED_PRICE,
    MISSING_PRICE,
    OTHER
}
