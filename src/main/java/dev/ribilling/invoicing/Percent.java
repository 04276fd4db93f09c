package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;

/** Percentages as the contract writes them: a markup m gives × (1 + m/100), a fee f gives × (1 − f/100). */
final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    static BigDecimal markupFactor(BigDecimal pct) {
        return BigDecimal.ONE.add(pct.divide(HUNDRED, Money.MATH), Money.MATH);
    }

    static BigDecimal feeFactor(BigDecimal pct) {
        return BigDecimal.ONE.subtract(pct.divide(HUNDRED, Money.MATH), Money.MATH);
    }

    /** Plain text for "how computed" details (no exponent notation). */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
