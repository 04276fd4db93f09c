package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.EUR;
import static dev.ribilling.invoicing.Fixtures.JPY;
import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.date;
import static dev.ribilling.invoicing.Fixtures.dec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurrencyConverterTests {

    private static CurrencyConverter converter(FxRate... rows) {
        return new CurrencyConverter(FxRates.of(List.of(rows)));
    }

    @Test
    void sameCurrencyNeedsNoRate() {
        CurrencyConverter none = new CurrencyConverter(FxRates.none());

        assertThat(none.rate(EUR, EUR, date("2026-10-03"))).hasValueSatisfying(rate -> {
            assertThat(rate.isIdentity()).isTrue();
            assertThat(rate.apply(dec("12.345"))).isEqualByComparingTo("12.345");
        });
    }

    @Test
    void usesTheLatestRowOnOrBeforeTheChargeDateAndNeverALaterOne() {
        CurrencyConverter fx = converter(
                new FxRate(date("2026-09-30"), USD, EUR, dec("0.90")),
                new FxRate(date("2026-10-02"), USD, EUR, dec("0.92")),
                new FxRate(date("2026-10-05"), USD, EUR, dec("0.95")));

        assertThat(fx.rate(USD, EUR, date("2026-10-04")).orElseThrow().factor()).isEqualByComparingTo("0.92");
        assertThat(fx.rate(USD, EUR, date("2026-10-02")).orElseThrow().factor()).isEqualByComparingTo("0.92");
        assertThat(fx.rate(USD, EUR, date("2026-10-01")).orElseThrow().factor()).isEqualByComparingTo("0.90");
    }

    @Test
    void aRateAtMostSevenDaysOldIsUsedAndAnOlderOneIsMissing() {
        CurrencyConverter fx = converter(new FxRate(date("2026-10-01"), USD, EUR, dec("0.92")));

        assertThat(fx.rate(USD, EUR, date("2026-10-08"))).isPresent();
        assertThat(fx.rate(USD, EUR, date("2026-10-09"))).isEmpty();
        assertThat(fx.rate(USD, EUR, date("2026-09-30"))).isEmpty();
        assertThat(CurrencyConverter.missingReason(USD, EUR, date("2026-10-09")))
                .contains("USD->EUR").contains("2026-10-09").contains("7 days");
    }

    @Test
    void onlyTheReversePairGivesOneOverRate() {
        CurrencyConverter fx = converter(new FxRate(date("2026-10-01"), EUR, USD, dec("1.25")));

        CurrencyConverter.AppliedRate rate = fx.rate(USD, EUR, date("2026-10-03")).orElseThrow();

        // 1 / 1.25 = 0.8: 100 USD → 80 EUR
        assertThat(rate.inverted()).isTrue();
        assertThat(rate.apply(dec("100"))).isEqualByComparingTo("80");
        assertThat(rate.describe()).contains("1/1.25").contains("reverse");
    }

    @Test
    void theDirectPairWinsOverAMoreRecentReverseRow() {
        CurrencyConverter fx = converter(
                new FxRate(date("2026-10-01"), USD, EUR, dec("0.90")),
                new FxRate(date("2026-10-03"), EUR, USD, dec("1.25")));

        assertThat(fx.rate(USD, EUR, date("2026-10-03")).orElseThrow().factor()).isEqualByComparingTo("0.90");
    }

    @Test
    void aStaleDirectRowFallsBackToAFreshReverseRow() {
        CurrencyConverter fx = converter(
                new FxRate(date("2026-09-01"), USD, EUR, dec("0.90")),
                new FxRate(date("2026-10-03"), EUR, USD, dec("1.25")));

        assertThat(fx.rate(USD, EUR, date("2026-10-03")).orElseThrow().factor()).isEqualByComparingTo("0.8");
    }

    @Test
    void neverBuildsACrossRate() {
        CurrencyConverter fx = converter(
                new FxRate(date("2026-10-01"), USD, EUR, dec("0.90")),
                new FxRate(date("2026-10-01"), USD, JPY, dec("150")));

        assertThat(fx.rate(EUR, JPY, date("2026-10-01"))).isEmpty();
    }
}
