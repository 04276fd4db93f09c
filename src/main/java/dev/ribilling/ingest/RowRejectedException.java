package dev.ribilling.ingest;

/**
 * A row that cannot be used, with a reason a finance clerk understands. Thrown while parsing one row and
 * caught by the row's import, so one bad row never stops the others. No stack trace: it is not a bug.
 */
public class RowRejectedException extends RuntimeException {

    private final RejectReason reason;

    public RowRejectedException(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
