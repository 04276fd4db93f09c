package dev.ribilling.ingest;

/** Why a row was not loaded. Codes are stable: reports and tests group by them. */
public enum RejectReason {
    MISSING_FIELD,
    MALFORMED_FIELD,
    UNKNOWN_CUSTOMER,
    UNKNOWN_SKU,
    NEGATIVE_QUANTITY,
    TOO_MANY_HOURS,
    UNSAFE_ID,
    CHANGE_AFTER_PURCHASE,
    DUPLICATE,
    INVALID_RESERVATION,
    EXCHANGE_BELOW_COMMITMENT,
    NO_CUSTOMER_FOR_EXPORT;

    /** Rows rejected for a missing reference are retried when their file is imported again. */
    public boolean isMissingReference() {
        return this == UNKNOWN_CUSTOMER || this == UNKNOWN_SKU;
    }
}
