package dev.ribilling.pricing;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** The loaded fx rates, in memory for a step (one row per currency pair and day at most). */
public final class FxTable implements FxLookup {

    private final Map<String, TreeMap<LocalDate, FxRate>> rates = new HashMap<>();

    public static FxTable load(JdbcTemplate jdbc) {
        FxTable table = new FxTable();
        jdbc.query("SELECT rate_date, from_currency, to_currency, rate FROM fx_rate", rs -> {
            Currency from = Currency.getInstance(rs.getString(2));
            Currency to = Currency.getInstance(rs.getString(3));
            LocalDate date = rs.getObject(1, LocalDate.class);
            table.rates.computeIfAbsent(from + "|" + to, k -> new TreeMap<>())
                    .put(date, new FxRate(date, from, to, rs.getBigDecimal(4)));
        });
        return table;
    }

    @Override
    public Optional<FxRate> latestOnOrBefore(Currency from, Currency to, LocalDate date) {
        TreeMap<LocalDate, FxRate> pair = rates.get(from + "|" + to);
        if (pair == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, FxRate> e = pair.floorEntry(date);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }
}
