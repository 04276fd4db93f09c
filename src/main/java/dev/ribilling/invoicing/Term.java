package dev.ribilling.invoicing;

import java.util.Locale;

/** Reservation term as Partner Center spells it (termDuration P1Y / P3Y). */
public enum Term {
    P1Y(1),
    P3Y(3);

    private final int years;

    Term(int years) {
        this.years = years;
    }

    public int years() {
        return years;
    }

    /** Number of monthly instalments of a monthly billing plan: 12 × years. */
    public int months() {
        return 12 * years;
    }

    /** Accepts the contract spelling (P1Y, P3Y) case-insensitively. */
    public static Term parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
