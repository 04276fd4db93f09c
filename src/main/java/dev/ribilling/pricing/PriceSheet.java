package dev.ribilling.pricing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The price sheet's Consumption rows (Linux compute per hour), loaded once per step: a price sheet has
 * thousands of rows, not millions, and matching asks for a price per covered size and day.
 */
public final class PriceSheet implements ComputePriceLookup {

    /** (size|region) -> currency -> effective date -> unit price */
    private final Map<String, Map<Currency, TreeMap<LocalDate, BigDecimal>>> prices = new HashMap<>();

    public static PriceSheet load(JdbcTemplate jdbc) {
        PriceSheet sheet = new PriceSheet();
        jdbc.query("SELECT arm_sku_name, arm_region_name, currency_code, effective_start, unit_price FROM price "
                + "WHERE price_type = 'Consumption'", rs -> {
                    sheet.prices.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new HashMap<>())
                            .computeIfAbsent(Currency.getInstance(rs.getString(3)), c -> new TreeMap<>())
                            .put(rs.getObject(4, LocalDate.class), rs.getBigDecimal(5));
                });
        return sheet;
    }

    @Override
    public List<ComputePrice> latestOnOrBefore(String vmSize, String region, LocalDate date) {
        Map<Currency, TreeMap<LocalDate, BigDecimal>> byCurrency = prices.get(vmSize + "|" + region);
        List<ComputePrice> found = new ArrayList<>();
        if (byCurrency == null) {
            return found;
        }
        byCurrency.forEach((currency, byDate) -> {
            Map.Entry<LocalDate, BigDecimal> e = byDate.floorEntry(date);
            if (e != null) {
                found.add(new ComputePrice(new Money(e.getValue(), currency), e.getKey()));
            }
        });
        return found;
    }
}
