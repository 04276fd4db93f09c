package dev.ribilling.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * Matching outcome of one usage row. Units are reservation units ({@code hours × ratio}); hours are VM hours.
 * For every row {@code coveredUnits + uncoveredUnits = demandUnits} and
 * {@code coveredHours + uncoveredHours = quantity}, exactly. Rows that are not eligible or are rejected
 * keep their demand (quantity × ratio) but cover nothing.
 *
 * @param ratio       the ISF ratio of the row's VM size (1 when unknown or not a VM)
 * @param allocations in the order the reservations were applied; their units sum to coveredUnits and
 *                    their hours to coveredHours
 */
public record RowResult(long usageId, UsageSlot slot, String vmSize, RowOutcome outcome, BigDecimal ratio,
        BigDecimal quantity, BigDecimal demandUnits, BigDecimal coveredUnits, BigDecimal coveredHours,
        BigDecimal uncoveredHours, List<Allocation> allocations) {

    public RowResult {
        allocations = List.copyOf(allocations);
    }

    public BigDecimal uncoveredUnits() {
        return demandUnits.subtract(coveredUnits);
    }
}
