package dev.ribilling.pricing;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/** Read access to loaded fx rates; the batch side implements it over the database. */
public interface FxLookup {

    /** The row for exactly this pair (no reverse, no cross rate) with the latest Date on or before {@code date}. */
    Optional<FxRate> latestOnOrBefore(Currency from, Currency to, LocalDate date);
}
