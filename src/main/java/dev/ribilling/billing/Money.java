package dev.ribilling.billing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency. Arithmetic stays at full precision ({@link #MATH}, 34 significant digits);
 * {@link #rounded()} is the one rounding rule of the product: half-up on the signed value to the
 * currency's minor units (JPY 0, USD and EUR 2), applied once per invoice line or report cell.
 */
public record Money(BigDecimal amount, Currency currency) {

    /** Precision for every intermediate money and quantity computation. */
    public static final MathContext MATH = MathContext.DECIMAL128;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount, MATH), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount, MATH), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor, MATH), currency);
    }

    public Money dividedBy(BigDecimal divisor) {
        return new Money(amount.divide(divisor, MATH), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** The single rounding rule: half-up (away from zero at .5) to the currency's minor units. */
    public Money rounded() {
        return new Money(round(amount, currency), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Rounds a bare amount with the product's rule; see {@link #rounded()}. */
    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(minorUnits(currency), RoundingMode.HALF_UP);
    }

    public static int minorUnits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 0 : digits;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
