package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Capacity and use on one day, for the daily utilization chart. The job may send one point per reservation and
 * day (straight from its reservation-day table) or points already summed per day: the writer adds up the points
 * of each date either way, keeping only one running sum per day of the period.
 */
public record DailyUtilizationPoint(LocalDate date, BigDecimal capacityUnits, BigDecimal usedUnits) {

    public DailyUtilizationPoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(capacityUnits, "capacityUnits");
        Objects.requireNonNull(usedUnits, "usedUnits");
    }
}
