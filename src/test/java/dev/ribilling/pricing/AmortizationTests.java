package dev.ribilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.billing.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** Contract section 3, "Dates of a reservation" and "Amortized cost". */
class AmortizationTests {

    private static final Period ONE_YEAR = Period.ofYears(1);

    @Test
    void aTermContaining29FebruaryHas366Days() {
        ReservationDates dates = ReservationDates.of(Instant.parse("2027-06-10T13:00:00Z"), null, ONE_YEAR, null);

        assertThat(dates.startDate()).isEqualTo(LocalDate.of(2027, 6, 10));
        assertThat(dates.termEnd()).isEqualTo(LocalDate.of(2028, 6, 10));
        assertThat(dates.termDays()).isEqualTo(366);
        assertThat(Amortization.dailyCost(Money.of("12016", "USD"), dates).rounded().amount())
                .isEqualByComparingTo("32.83");
    }

    @Test
    void aYearWithout29FebruaryHas365DaysAndThreeYearsCountTheirLeapDay() {
        assertThat(ReservationDates.of(Instant.parse("2026-01-10T00:00:00Z"), null, ONE_YEAR, null).termDays())
                .isEqualTo(365);
        assertThat(ReservationDates.of(Instant.parse("2026-01-10T00:00:00Z"), null, Period.ofYears(3), null)
                .termDays()).isEqualTo(1096);
        // 29 February + 1 year falls on 28 February (java.time's calendar clamp).
        ReservationDates leapStart = ReservationDates.of(Instant.parse("2028-02-29T08:00:00Z"), null, ONE_YEAR, null);
        assertThat(leapStart.termEnd()).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(leapStart.termDays()).isEqualTo(365);
    }

    @Test
    void theFirstDayIsAFullDayEvenWhenBoughtAt1300() {
        Money total = Money.of("365", "USD");
        ReservationDates dates = ReservationDates.of(Instant.parse("2026-03-01T13:00:00Z"), null, ONE_YEAR, null);

        assertThat(Amortization.costOn(total, dates, LocalDate.of(2026, 2, 28)).amount()).isEqualByComparingTo("0");
        assertThat(Amortization.costOn(total, dates, LocalDate.of(2026, 3, 1)).amount()).isEqualByComparingTo("1");
        assertThat(Amortization.costOn(total, dates, LocalDate.of(2027, 2, 28)).amount()).isEqualByComparingTo("1");
        assertThat(Amortization.costOn(total, dates, LocalDate.of(2027, 3, 1)).amount()).isEqualByComparingTo("0");
    }

    @Test
    void theCancellationDayHasNoAmortizedCost() {
        Money total = Money.of("365", "EUR");
        ReservationDates dates = ReservationDates.of(Instant.parse("2026-03-01T00:00:00Z"), null, ONE_YEAR,
                Instant.parse("2026-05-01T10:30:00Z"));

        assertThat(dates.endDate()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(dates.termDays()).isEqualTo(365);
        assertThat(Amortization.costOn(total, dates, LocalDate.of(2026, 4, 30)).amount()).isEqualByComparingTo("1");
        assertThat(Amortization.costOn(total, dates, LocalDate.of(2026, 5, 1)).amount()).isEqualByComparingTo("0");
    }

    @Test
    void anExplicitExpiryDecidesTheTermAndACancellationAfterItChangesNothing() {
        ReservationDates dates = ReservationDates.of(Instant.parse("2026-03-01T09:00:00Z"),
                Instant.parse("2026-12-01T09:00:00Z"), ONE_YEAR, Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(dates.termEnd()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(dates.endDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(dates.termDays()).isEqualTo(275);
    }
}
