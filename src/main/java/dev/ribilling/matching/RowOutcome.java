package dev.ribilling.matching;

/** What the engine did with a usage row. */
public enum RowOutcome {
    /** Eligible and matched (its coverage may still be zero when no reservation had capacity left). */
    ELIGIBLE(null),
    /** Not coverable by any reservation (other service, Spot, Low Priority): billed as it is. */
    NOT_ELIGIBLE(null),
    /** A daily row for a VM that also has hourly rows that day: rejected, never matched (contract section 3). */
    OVERLAPS_HOURLY_USAGE("overlaps hourly usage");

    private final String rejectReason;

    RowOutcome(String rejectReason) {
        this.rejectReason = rejectReason;
    }

    /** The reject reason for the rejects file, or null when the row is not rejected. */
    public String rejectReason() {
        return rejectReason;
    }

    public boolean isRejected() {
        return rejectReason != null;
    }
}
