package dev.ribilling.matching;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A customer-day of usage for the engine, with what the stored results are keyed by: the usage line (resource
 * and meter) and UnitPrice of every row id.
 */
public record DayUsage(List<UsageRow> rows, Map<Long, LineRef> lines) {

    /** The usage_line id and UnitPrice of a usage row. */
    public record LineRef(long lineId, BigDecimal unitPrice) {
    }
}
