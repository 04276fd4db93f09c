package dev.ribilling.billing;

import java.time.LocalDate;

/**
 * The one statement of which fx row may convert a charge dated D (contract section 4): the row with the latest
 * Date on or before D, at most {@link #MAX_AGE_DAYS} days before it. Used by the PAYG equivalent of matching and by
 * the invoice lines, which otherwise pick the direct pair first and the reverse pair (1/Rate) only when the direct
 * one has no usable row.
 */
public final class FxWindow {

    public static final int MAX_AGE_DAYS = 7;

    private FxWindow() {
    }

    public static boolean usable(LocalDate rateDate, LocalDate chargeDate) {
        return !rateDate.isAfter(chargeDate) && !rateDate.isBefore(chargeDate.minusDays(MAX_AGE_DAYS));
    }
}
