package dev.ribilling.pricing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Output rounding of the utilization reports (contract section 5), applied once when a value is written:
 * units at 6 decimals, utilization fractions at 4, money at the currency's minor units, all half-up.
 */
public final class ReportRounding {

    public static final int UNIT_DECIMALS = 6;
    public static final int UTILIZATION_DECIMALS = 4;

    private ReportRounding() {
    }

    public static BigDecimal units(BigDecimal units) {
        return units.setScale(UNIT_DECIMALS, RoundingMode.HALF_UP);
    }

    /** Null stays null: no capacity means an empty utilization cell. */
    public static BigDecimal utilization(BigDecimal fraction) {
        return fraction == null ? null : fraction.setScale(UTILIZATION_DECIMALS, RoundingMode.HALF_UP);
    }

    /** Null stays null (an empty PaygEquivalent or Savings cell); otherwise {@link Money#round}. */
    public static BigDecimal money(Money amount) {
        return amount == null ? null : Money.round(amount.amount(), amount.currency());
    }
}
