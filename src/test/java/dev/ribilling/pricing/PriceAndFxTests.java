package dev.ribilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compute price and fx rules behind the PAYG equivalent (contract sections 3 and 4), and missing prices. */
class PriceAndFxTests {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final LocalDate D = LocalDate.of(2026, 10, 15);

    private final List<FxRate> fxRows = new ArrayList<>();
    private final List<PriceRow> priceRows = new ArrayList<>();

    private record PriceRow(String size, String region, ComputePrice price) {
    }

    /** An in-memory FxLookup with the interface's contract: exact pair, latest Date on or before. */
    private final FxLookup fxLookup = (from, to, date) -> fxRows.stream()
            .filter(r -> r.from().equals(from) && r.to().equals(to) && !r.date().isAfter(date))
            .max(Comparator.comparing(FxRate::date));

    /** An in-memory ComputePriceLookup: per currency, the latest row on or before the date. */
    private final ComputePriceLookup priceLookup = (size, region, date) -> {
        List<ComputePrice> latest = new ArrayList<>();
        for (Currency currency : List.of(USD, EUR, GBP)) {
            priceRows.stream().filter(r -> r.size().equals(size) && r.region().equals(region)
                    && r.price().unitPrice().currency().equals(currency) && !r.price().effectiveStartDate().isAfter(date))
                    .map(PriceRow::price).max(Comparator.comparing(ComputePrice::effectiveStartDate))
                    .ifPresent(latest::add);
        }
        return latest;
    };

    private final FxConverter fx = new FxConverter(fxLookup);
    private final ComputePriceResolver prices = new ComputePriceResolver(priceLookup, fx);

    @Test
    void fxUsesTheLatestRateAtMostSevenDaysOld() {
        fxRows.add(new FxRate(D.minusDays(7), USD, EUR, new BigDecimal("0.90")));
        assertThat(fx.rate(USD, EUR, D)).contains(new BigDecimal("0.90"));
        fxRows.add(new FxRate(D.minusDays(2), USD, EUR, new BigDecimal("0.92")));
        assertThat(fx.rate(USD, EUR, D)).contains(new BigDecimal("0.92"));
        assertThat(fx.rate(USD, EUR, D.plusDays(9))).isEmpty();
        assertThat(fx.rate(USD, EUR, D.minusDays(8))).isEmpty();
        assertThat(fx.rate(GBP, GBP, D)).contains(BigDecimal.ONE);
    }

    @Test
    void fxFallsBackToTheReversePairButNeverToCrossRates() {
        fxRows.add(new FxRate(D.minusDays(1), EUR, USD, new BigDecimal("1.25")));
        fxRows.add(new FxRate(D.minusDays(1), USD, GBP, new BigDecimal("0.80")));

        assertThat(fx.rate(USD, EUR, D)).hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("0.8"));
        assertThat(fx.rate(EUR, GBP, D)).isEmpty();
        assertThat(fx.convert(Money.of("10", "USD"), EUR, D)).hasValueSatisfying(
                money -> assertThat(money.rounded().amount()).isEqualByComparingTo("8.00"));
    }

    @Test
    void computePriceIsTheLatestRowOnOrBeforeTheUsageDateInThePricingCurrency() {
        price("standard_d2s_v3", "westeurope", "0.096", "USD", D.minusDays(100));
        price("standard_d2s_v3", "westeurope", "0.100", "USD", D);
        price("standard_d2s_v3", "westeurope", "0.110", "USD", D.plusDays(1));
        price("standard_d2s_v3", "westeurope", "0.500", "EUR", D);

        assertThat(prices.pricePerHour("Standard_D2s_v3", "West Europe", D, USD)).contains(new BigDecimal("0.100"));
        assertThat(prices.pricePerHour("Standard_D2s_v3", "West Europe", D.minusDays(1), USD))
                .contains(new BigDecimal("0.096"));
        assertThat(prices.pricePerHour("Standard_D2s_v3", "West Europe", D.minusDays(101), USD)).isEmpty();
    }

    @Test
    void aPriceInAnotherCurrencyIsConvertedAtTheUsageDateRate() {
        price("standard_d2s_v3", "westeurope", "0.100", "USD", D.minusDays(30));
        fxRows.add(new FxRate(D.minusDays(3), USD, EUR, new BigDecimal("0.9")));

        assertThat(prices.pricePerHour("Standard_D2s_v3", "westeurope", D, EUR))
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.09"));
        assertThat(prices.pricePerHour("Standard_D2s_v3", "westeurope", D, GBP)).isEmpty();
    }

    @Test
    void aCoveredSizeWithoutPriceEmptiesPaygAndSavingsAndRaisesAnAlert() {
        price("standard_ds1_v2", "westeurope", "0.10", "USD", D.minusDays(30));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        ReservationPricing reservation = new ReservationPricing("r1", "Standard_DS1_v2", "westeurope",
                Money.of("365", "USD"), ReservationDates.of(start, null, Period.ofYears(1), null));
        ReservationDayCalculator calculator = new ReservationDayCalculator(prices);

        ReservationDayOutcome priced = calculator.calculate(reservation, D, new BigDecimal("24"), new BigDecimal("10"),
                List.of(new CoveredHours("standard_ds1_v2", "westeurope", new BigDecimal("10"))));
        assertThat(priced.alerts()).isEmpty();
        assertThat(priced.figures().paygEquivalent().amount()).isEqualByComparingTo("1.0");
        assertThat(priced.figures().savings().amount()).isEqualByComparingTo("0");

        ReservationDayOutcome missing = calculator.calculate(reservation, D, new BigDecimal("24"), new BigDecimal("14"),
                List.of(new CoveredHours("standard_ds1_v2", "westeurope", new BigDecimal("10")),
                        new CoveredHours("standard_ds2_v2", "westeurope", new BigDecimal("2"))));
        assertThat(missing.figures().paygEquivalent()).isNull();
        assertThat(missing.figures().savings()).isNull();
        assertThat(missing.figures().amortizedCost().amount()).isEqualByComparingTo("1");
        assertThat(missing.alerts()).containsExactly(new MissingPriceAlert("r1", "standard_ds2_v2", "westeurope", D));
        assertThat(missing.alerts().get(0).message()).contains("standard_ds2_v2", "westeurope", "2026-10-15");
    }

    @Test
    void aDayWithoutCoveredUsageHasZeroPaygAndNegativeSavings() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        ReservationPricing reservation = new ReservationPricing("r1", "Standard_DS1_v2", "westeurope",
                Money.of("730", "EUR"), ReservationDates.of(start, null, Period.ofYears(1), null));

        ReservationDayOutcome outcome = new ReservationDayCalculator(prices)
                .calculate(reservation, D, new BigDecimal("24"), BigDecimal.ZERO, List.of());

        assertThat(outcome.figures().paygEquivalent().amount()).isEqualByComparingTo("0");
        assertThat(outcome.figures().savings().amount().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("-2.00");
        assertThat(outcome.figures().utilization()).isEqualByComparingTo("0");
    }

    private void price(String size, String region, String amount, String currency, LocalDate from) {
        priceRows.add(new PriceRow(size, region, new ComputePrice(Money.of(amount, currency), from)));
    }
}
