package dev.ribilling.ingest;

/** Why a row was not loaded. Codes are stable: reports and tests group by them. */
public enum RejectReason {
    MISSING_FIELD("missing field"),
    MALFORMED_FIELD("malformed field"),
    UNKNOWN_CUSTOMER("unknown customer"),
    UNKNOWN_SKU("unknown SKU"),
    NEGATIVE_QUANTITY("negative quantity"),
    TOO_MANY_HOURS("more hours than the slot"),
    UNSAFE_ID("unsafe id"),
    CHANGE_AFTER_PURCHASE("cannot change after purchase"),
    DUPLICATE("duplicate"),
    INVALID_RESERVATION("invalid reservation"),
    EXCHANGE_BELOW_COMMITMENT("exchange below remaining commitment"),
    OVERLAPS_HOURLY_USAGE("overlaps hourly usage"),
    NO_CUSTOMER_FOR_EXPORT("no CustomerId");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    /** The contract's words for the reason (section 2 "Rejects"), which start the Reason cell of a rejects file. */
    public String label() {
        return label;
    }

    /**
     * The Reason cell: the contract's words, then the explanation for a clerk ("unknown customer: CustomerId
     * 'globex' is not a known customer ..."); the words are not repeated when the explanation already has them.
     */
    public String reasonText(String message) {
        if (message == null || message.isBlank()) {
            return label;
        }
        return message.toLowerCase(java.util.Locale.ROOT).contains(label.toLowerCase(java.util.Locale.ROOT)) ? message
                : label + ": " + message;
    }

    /** Rows rejected for a missing reference are retried when their file is imported again. */
    public boolean isMissingReference() {
        return this == UNKNOWN_CUSTOMER || this == UNKNOWN_SKU;
    }
}
