package dev.ribilling.pricing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;

/**
 * Utilization over any period = Σ used units ÷ Σ capacity units: a ratio of sums, never an average of
 * daily percentages, which would be wrong on partial days (domain.md 2.1).
 */
public final class Utilization {

    private Utilization() {
    }

    /** The fraction (0..1), unrounded; null when there is no capacity (reported as an empty cell). */
    public static BigDecimal of(BigDecimal usedUnits, BigDecimal capacityUnits) {
        if (capacityUnits == null || capacityUnits.signum() == 0) {
            return null;
        }
        return usedUnits.divide(capacityUnits, Money.MATH);
    }
}
