package dev.ribilling.pricing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One reservation on one UTC date, unrounded (round with {@link ReportRounding} when writing).
 *
 * @param paygEquivalent null when a covered size had no compute price that day
 * @param savings        paygEquivalent − amortizedCost; null when paygEquivalent is
 */
public record ReservationDayFigures(String reservationId, LocalDate date, BigDecimal capacityUnits,
        BigDecimal usedUnits, Money amortizedCost, Money paygEquivalent, Money savings) {

    /** Null when the reservation had no capacity that day (for example the cancellation day after 00:00). */
    public BigDecimal utilization() {
        return Utilization.of(usedUnits, capacityUnits);
    }
}
