package dev.ribilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Utilization as a ratio of sums, monthly roll-up from unrounded days, and output rounding. */
class UtilizationTests {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void periodUtilizationIsARatioOfSumsNotAnAverageOfDays() {
        // First day bought at 13:00: 11 of 11 units used (100 %); second day 12 of 24 (50 %).
        List<ReservationDayFigures> days = List.of(
                day("2026-10-01", "11", "11", "1", "2"), day("2026-10-02", "24", "12", "1", "1"));

        ReservationPeriodFigures month = ReservationPeriodFigures.forMonth("r1", YearMonth.of(2026, 10), USD, days);

        assertThat(ReportRounding.utilization(month.utilization())).isEqualByComparingTo("0.6571");
        assertThat(month.capacityUnits()).isEqualByComparingTo("35");
        assertThat(month.savings().amount()).isEqualByComparingTo("1");
    }

    @Test
    void noCapacityMeansNoUtilization() {
        assertThat(Utilization.of(BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
        assertThat(ReportRounding.utilization(null)).isNull();
        assertThat(ReservationPeriodFigures.forMonth("r1", YearMonth.of(2026, 10), USD, List.of()).utilization())
                .isNull();
    }

    @Test
    void monthlyMoneyIsSummedUnroundedAndRoundedOnce() {
        // Three days of 1/3 cent each: rounded per day they would give 0.00; summed first, 0.01.
        Money third = Money.of("0.01", "USD").dividedBy(new BigDecimal("3"));
        List<ReservationDayFigures> days = List.of(
                new ReservationDayFigures("r1", LocalDate.of(2026, 10, 1), BigDecimal.ONE, BigDecimal.ONE, third, third, Money.zero(USD)),
                new ReservationDayFigures("r1", LocalDate.of(2026, 10, 2), BigDecimal.ONE, BigDecimal.ONE, third, third, Money.zero(USD)),
                new ReservationDayFigures("r1", LocalDate.of(2026, 10, 3), BigDecimal.ONE, BigDecimal.ONE, third, third, Money.zero(USD)),
                new ReservationDayFigures("r1", LocalDate.of(2026, 11, 1), BigDecimal.ONE, BigDecimal.ONE, third, third, Money.zero(USD)),
                new ReservationDayFigures("r2", LocalDate.of(2026, 10, 1), BigDecimal.ONE, BigDecimal.ONE, third, third, Money.zero(USD)));

        ReservationPeriodFigures month = ReservationPeriodFigures.forMonth("r1", YearMonth.of(2026, 10), USD, days);

        assertThat(ReportRounding.money(days.get(0).amortizedCost())).isEqualByComparingTo("0.00");
        assertThat(ReportRounding.money(month.amortizedCost())).isEqualByComparingTo("0.01");
        assertThat(month.capacityUnits()).isEqualByComparingTo("3");
    }

    @Test
    void aDayWithoutPaygEquivalentEmptiesTheMonth() {
        List<ReservationDayFigures> days = List.of(day("2026-10-01", "24", "24", "1", "2"),
                new ReservationDayFigures("r1", LocalDate.of(2026, 10, 2), new BigDecimal("24"), new BigDecimal("24"),
                        Money.of("1", "USD"), null, null));

        ReservationPeriodFigures month = ReservationPeriodFigures.forMonth("r1", YearMonth.of(2026, 10), USD, days);

        assertThat(month.paygEquivalent()).isNull();
        assertThat(month.savings()).isNull();
        assertThat(ReportRounding.money(month.amortizedCost())).isEqualByComparingTo("2.00");
        assertThat(ReportRounding.money(month.savings())).isNull();
    }

    @Test
    void unitsRoundToSixDecimalsAndMoneyToMinorUnitsHalfUp() {
        assertThat(ReportRounding.units(new BigDecimal("0.6666665"))).isEqualByComparingTo("0.666667");
        assertThat(ReportRounding.units(new BigDecimal("2")).scale()).isEqualTo(6);
        assertThat(ReportRounding.utilization(new BigDecimal("0.68745"))).isEqualByComparingTo("0.6875");
        assertThat(ReportRounding.money(Money.of("-4.805", "USD"))).isEqualByComparingTo("-4.81");
        assertThat(ReportRounding.money(Money.of("12.5", "JPY"))).isEqualByComparingTo("13");
    }

    private static ReservationDayFigures day(String date, String capacity, String used, String amortized, String payg) {
        Money amortizedCost = Money.of(amortized, "USD");
        Money paygEquivalent = Money.of(payg, "USD");
        return new ReservationDayFigures("r1", LocalDate.parse(date), new BigDecimal(capacity), new BigDecimal(used),
                amortizedCost, paygEquivalent, paygEquivalent.minus(amortizedCost));
    }
}
