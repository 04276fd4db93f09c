package dev.ribilling.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The purchase optimum over hourly usage (domain.md section 7) and the reduce check. */
class RecommendationCalculatorTests {

    private static final Currency USD = Currency.getInstance("USD");
    private final RecommendationCalculator calculator = new RecommendationCalculator(new BigDecimal("0.10"));

    @Test
    void domainExampleRecommendsTheBaselineNotTheSpikes() {
        // u = [5,5,5,5,7,7,5,5], riHourly 0.6, payg 1.0: cost(0) 44, cost(5) 28, cost(6) 30.8, cost(7) 33.6.
        Recommendation r = calculator.recommendPurchase(scope("0.6", "1.0"), units(5, 5, 5, 5, 7, 7, 5, 5), 8).orElseThrow();

        assertThat(r.kind()).isEqualTo(RecommendationKind.BUY);
        assertThat(r.recommendedQuantity()).isEqualByComparingTo("5");
        assertThat(r.costWithoutReservations()).isEqualByComparingTo("44.0");
        assertThat(r.costWithReservations()).isEqualByComparingTo("28.0");
        assertThat(r.windowSavings()).isEqualByComparingTo("16.0");
        assertThat(r.breakEvenUtilization()).isEqualByComparingTo("0.6");
        assertThat(r.utilization()).isEqualByComparingTo("1");
        // 16 saved in 8 hours → 2 per hour → 1,460 per 730-hour month.
        assertThat(r.expectedMonthlySavings()).isEqualByComparingTo("1460");
    }

    @Test
    void noUsageGivesNoRecommendation() {
        assertThat(calculator.recommendPurchase(scope("0.6", "1.0"), List.of(), 720)).isEmpty();
        assertThat(calculator.recommendPurchase(scope("0.6", "1.0"), Collections.nCopies(720, BigDecimal.ZERO), 720))
                .isEmpty();
    }

    @Test
    void flatUsageIsCoveredWhole() {
        Recommendation r = calculator.recommendPurchase(scope("0.6", "1.0"), Collections.nCopies(720, new BigDecimal("3")),
                720).orElseThrow();

        assertThat(r.recommendedQuantity()).isEqualByComparingTo("3");
        assertThat(r.windowSavings()).isEqualByComparingTo("864"); // 3 × 720 × (1.0 − 0.6)
        assertThat(r.utilization()).isEqualByComparingTo("1");
    }

    @Test
    void usageInFewerHoursThanBreakEvenIsNotWorthReserving() {
        // 3 units for 50 % of the window; break-even is 60 %.
        List<BigDecimal> halfTheTime = Collections.nCopies(360, new BigDecimal("3"));
        assertThat(calculator.recommendPurchase(scope("0.6", "1.0"), halfTheTime, 720)).isEmpty();
    }

    @Test
    void aFractionalOptimumBecomesTheCheaperWholeQuantity() {
        // 2.5 units all the time: 2 units save 2 × 0.4 per hour, 3 units save 2.5 − 1.8 = 0.7; 2.5 itself cannot be bought.
        Recommendation r = calculator.recommendPurchase(scope("0.6", "1.0"), Collections.nCopies(10, new BigDecimal("2.5")),
                10).orElseThrow();

        assertThat(r.recommendedQuantity()).isEqualByComparingTo("2");
        assertThat(r.windowSavings()).isEqualByComparingTo("8.0");
    }

    @Test
    void hoursMissingFromTheSeriesCountAsNoUsage() {
        Optional<Recommendation> sparse = calculator.recommendPurchase(scope("0.6", "1.0"), units(5, 5, 5, 5, 7, 7), 8);
        Optional<Recommendation> explicit = calculator.recommendPurchase(scope("0.6", "1.0"), units(5, 5, 5, 5, 7, 7, 0, 0), 8);

        assertThat(sparse.orElseThrow().recommendedQuantity()).isEqualByComparingTo(explicit.orElseThrow().recommendedQuantity());
        assertThat(sparse.orElseThrow().windowSavings()).isEqualByComparingTo(explicit.orElseThrow().windowSavings());
    }

    @Test
    void aReservationWellBelowBreakEvenShouldBeReduced() {
        // 10 instances used 30 %, break-even 62.5 %: keep 3; per hour save 7 × 0.25 and pay nothing more in PAYG.
        ReservationUsageFacts facts = new ReservationUsageFacts("r1", "contoso", "westeurope", "DSv2 Series",
                "Standard_DS3_v2", BigDecimal.TEN, new BigDecimal("0.30"), USD, new BigDecimal("0.25"), new BigDecimal("0.40"));

        Recommendation r = calculator.recommendReduction(facts).orElseThrow();

        assertThat(r.kind()).isEqualTo(RecommendationKind.REDUCE);
        assertThat(r.recommendedQuantity()).isEqualByComparingTo("3");
        assertThat(r.breakEvenUtilization()).isEqualByComparingTo("0.625");
        assertThat(r.expectedMonthlySavings()).isEqualByComparingTo("1277.5"); // 7 × 0.25 × 730
    }

    @Test
    void aReservationNearBreakEvenIsKept() {
        ReservationUsageFacts facts = new ReservationUsageFacts("r1", "contoso", "westeurope", "DSv2 Series",
                "Standard_DS3_v2", BigDecimal.TEN, new BigDecimal("0.55"), USD, new BigDecimal("0.25"), new BigDecimal("0.40"));

        assertThat(calculator.recommendReduction(facts)).isEmpty();
    }

    private static RecommendationScope scope(String ri, String payg) {
        return new RecommendationScope("contoso", "westeurope", "DSv2 Series", "Standard_DS1_v2", USD,
                new BigDecimal(ri), new BigDecimal(payg));
    }

    private static List<BigDecimal> units(int... levels) {
        return Arrays.stream(levels).mapToObj(BigDecimal::valueOf).toList();
    }
}
