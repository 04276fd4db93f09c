package dev.ribilling.reporting;

/** The outcome of comparing one Microsoft partner-invoice row with our reservation line. */
public enum VarianceStatus {
    /** Both sides present and the difference is within the tolerance. */
    MATCHED,
    /** Both sides present and the difference is above the tolerance. */
    DIFFERENCE,
    /** Microsoft charged the partner for something we did not bill. */
    MISSING_OURS,
    /** We billed a reservation line that Microsoft has not (yet) charged. */
    MISSING_MICROSOFT,
    /** Both sides present but the expected amount cannot be computed (no exchange rate, other pricing currency). */
    NOT_COMPARABLE;

    /** Everything but a match needs a person to look at it. */
    public boolean needsAttention() {
        return this != MATCHED;
    }
}
