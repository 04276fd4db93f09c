package dev.ribilling.matching;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Capacity and use of one reservation in one clock hour, from hourly rows only (daily rows are matched
 * against the day's leftover, see {@link ReservationDayResult}). Emitted for every hour with capacity.
 */
public record ReservationHourResult(String reservationId, Instant hourStart, BigDecimal capacityUnits,
        BigDecimal usedUnits) {
}
