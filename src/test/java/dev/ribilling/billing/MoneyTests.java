package dev.ribilling.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void roundsHalfUpOnTheSignedValueToTheCurrencyMinorUnits() {
        assertThat(Money.of("0.005", "USD").rounded().amount()).isEqualByComparingTo("0.01");
        assertThat(Money.of("-0.005", "USD").rounded().amount()).isEqualByComparingTo("-0.01");
        assertThat(Money.of("0.0049999", "EUR").rounded().amount()).isEqualByComparingTo("0.00");
        assertThat(Money.of("12.5", "JPY").rounded().amount()).isEqualByComparingTo("13");
        assertThat(Money.of("12.4999", "JPY").rounded().amount().scale()).isZero();
    }

    @Test
    void keepsFullPrecisionUntilRounded() {
        Money third = Money.of("100", "USD").dividedBy(new BigDecimal("3"));
        assertThat(third.amount().precision()).isGreaterThanOrEqualTo(34);
        assertThat(third.times(new BigDecimal("3")).rounded().amount()).isEqualByComparingTo("100.00");
    }

    @Test
    void regionsAndIdentifiersCompareCaseAndSpaceInsensitively() {
        assertThat(Identifiers.region("West Europe")).isEqualTo("westeurope");
        assertThat(Identifiers.key(" Standard_D2s_v3 ")).isEqualTo("standard_d2s_v3");
        assertThat(Identifiers.key("  ")).isNull();
        assertThat(Currency.getInstance("JPY").getDefaultFractionDigits()).isZero();
    }
}
