package dev.ribilling.matching;

import dev.ribilling.pricing.ComputePriceResolver;
import dev.ribilling.pricing.FxConverter;
import dev.ribilling.pricing.FxTable;
import dev.ribilling.pricing.PriceSheet;
import dev.ribilling.pricing.ReservationDayCalculator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every partition of a match run shares, loaded once per job execution: the isf ratios, the compute prices
 * and the fx rates, and the matcher built on them (the engine keeps no state between calls).
 */
public final class MatchReferenceData {

    private final CustomerDayMatcher matcher;

    private MatchReferenceData(CustomerDayMatcher matcher) {
        this.matcher = matcher;
    }

    public static MatchReferenceData load(JdbcTemplate jdbc) {
        List<IsfEntry> entries = new ArrayList<>();
        jdbc.query("SELECT isf_group, arm_sku_name, ratio FROM isf_ratio", rs -> {
            entries.add(new IsfEntry(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)));
        });
        MatchingEngine engine = new MatchingEngine(IsfTable.of(entries));
        ComputePriceResolver prices = new ComputePriceResolver(PriceSheet.load(jdbc), new FxConverter(FxTable.load(jdbc)));
        return new MatchReferenceData(new CustomerDayMatcher(engine, new ReservationDayCalculator(prices)));
    }

    public CustomerDayMatcher matcher() {
        return matcher;
    }
}
