package dev.ribilling.matching;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Rounding of the matching arithmetic. Additions and subtractions are exact (no MathContext), which keeps
 * sums independent of their order and lets "used never exceeds capacity" hold exactly. Only products and
 * quotients are rounded, to {@link Money#MATH}'s 34 digits.
 */
final class EngineMath {

    /**
     * For shares and covered hours: rounding towards zero means the engine never hands out more units than a
     * reservation has, nor more hours than a row ran, by even one unit in the last digit.
     */
    static final MathContext DOWN = new MathContext(Money.MATH.getPrecision(), RoundingMode.DOWN);

    /**
     * {@code value × count}, exact: the value of {@code count} additions of {@code value}, with its scale.
     * Adding these per distinct value gives the same sum, value and scale, as adding the values one by one.
     */
    static BigDecimal times(BigDecimal value, int count) {
        return count == 1 ? value : value.multiply(BigDecimal.valueOf(count));
    }

    private EngineMath() {
    }
}
