package dev.ribilling.matching;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Capacity and use of one reservation over one UTC day: the sum of its hours, plus what daily rows took
 * from the capacity the hourly rows left unused. {@code usedUnits = usedByHourlyRows + usedByDailyRows}.
 */
public record ReservationDayResult(String reservationId, LocalDate date, BigDecimal capacityUnits,
        BigDecimal usedUnits, BigDecimal usedByHourlyRows, BigDecimal usedByDailyRows) {

    public BigDecimal unusedUnits() {
        return capacityUnits.subtract(usedUnits);
    }
}
