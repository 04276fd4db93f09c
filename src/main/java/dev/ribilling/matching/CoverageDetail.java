package dev.ribilling.matching;

import java.math.BigDecimal;

/**
 * One line of the explain view: in this slot, this reservation covered {@code units} reservation units,
 * i.e. {@code hours} VM hours, of this usage row (a VM of {@code vmSize} with ISF {@code ratio}).
 */
public record CoverageDetail(UsageSlot slot, String reservationId, long usageId, String vmSize, BigDecimal ratio,
        BigDecimal units, BigDecimal hours) {
}
