package dev.ribilling.invoicing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Raw fx-rates lookup: the row for exactly (from, to) with the latest Date on or before a date. The
 * contract's rules (7-day window, reverse pair, no cross rates) are applied on top by
 * {@link CurrencyConverter}, so a database-backed implementation only needs one indexed query.
 */
@FunctionalInterface
public interface FxRates {

    Optional<FxRate> latestOnOrBefore(Currency from, Currency to, LocalDate date);

    /** An in-memory table; when the same key appears twice the later row in the collection wins. */
    static FxRates of(Collection<FxRate> rows) {
        Map<List<Currency>, NavigableMap<LocalDate, FxRate>> byPair = new HashMap<>();
        for (FxRate row : rows) {
            byPair.computeIfAbsent(List.of(row.from(), row.to()), k -> new TreeMap<>()).put(row.date(), row);
        }
        return (from, to, date) -> Optional.ofNullable(byPair.get(List.of(from, to)))
                .map(dates -> dates.floorEntry(date))
                .map(Map.Entry::getValue);
    }

    static FxRates none() {
        return (from, to, date) -> Optional.empty();
    }
}
