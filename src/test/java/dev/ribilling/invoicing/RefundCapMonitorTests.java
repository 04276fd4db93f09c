package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.EUR;
import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.date;
import static dev.ribilling.invoicing.Fixtures.dec;
import static dev.ribilling.invoicing.Fixtures.reservation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefundCapMonitorTests {

    private final RefundCapMonitor monitor = new RefundCapMonitor(
            new ReservationCharges(ReservationPriceLookup.none()),
            new CurrencyConverter(FxRates.of(List.of(new FxRate(date("2025-09-06"), EUR, USD, dec("1.10"))))));

    /** Cancelled on its start date: the whole TotalPrice is remaining commitment. */
    private static ReservationTerms cancelledSameDay(String id, String price, String day) {
        return reservation(id).price(price).start(day + "T08:00:00Z").cancelled(day + "T12:00:00Z").build();
    }

    @Test
    void crossingFiftyThousandDollarsInA365DayWindowRaisesAnAlert() {
        List<ReservationTerms> history = List.of(
                cancelledSameDay("R1", "30000", "2025-01-10"),
                cancelledSameDay("R2", "25000", "2025-09-06"));

        List<RefundCapAlert> alerts = monitor.check("C1", history, YearMonth.of(2025, 9));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(RefundCapAlert.Kind.LIMIT_EXCEEDED);
            assertThat(alert.reservationId()).isEqualTo("R2");
            assertThat(alert.commitmentUsd()).isEqualByComparingTo("25000");
            assertThat(alert.rollingTotalUsd()).isEqualByComparingTo("55000");
            assertThat(alert.message()).contains("C1").contains("refund still invoiced");
        });
        // January's own check stayed below the limit.
        assertThat(monitor.check("C1", history, YearMonth.of(2025, 1))).isEmpty();
    }

    @Test
    void exactlyTheLimitIsNotAboveIt() {
        List<ReservationTerms> history = List.of(
                cancelledSameDay("R1", "30000", "2025-01-10"),
                cancelledSameDay("R2", "20000", "2025-09-06"));

        assertThat(monitor.check("C1", history, YearMonth.of(2025, 9))).isEmpty();
    }

    @Test
    void exchangesDoNotCount() {
        List<ReservationTerms> history = List.of(
                cancelledSameDay("R1", "30000", "2025-01-10"),
                reservation("R2").price("25000").start("2025-09-06T08:00:00Z").exchanged("2025-09-06T12:00:00Z").build());

        assertThat(monitor.check("C1", history, YearMonth.of(2025, 9))).isEmpty();
    }

    @Test
    void aCancellationIsRestored365DaysLater() {
        ReservationTerms january = cancelledSameDay("R1", "30000", "2025-01-10");
        ReservationTerms september = cancelledSameDay("R2", "25000", "2025-09-06");

        // 2026-01-09 is day 364 after 2025-01-10: still counted (75,000); 2026-01-10 is day 365: restored (45,000).
        assertThat(monitor.check("C1", List.of(january, september, cancelledSameDay("R3", "20000", "2026-01-09")),
                YearMonth.of(2026, 1))).singleElement()
                .satisfies(a -> assertThat(a.rollingTotalUsd()).isEqualByComparingTo("75000"));
        assertThat(monitor.check("C1", List.of(january, september, cancelledSameDay("R3", "20000", "2026-01-10")),
                YearMonth.of(2026, 1))).isEmpty();
    }

    @Test
    void commitmentsAreCountedInUsdAtTheCancellationDateRate() {
        // 40,000 EUR × 1.10 = 44,000 USD, plus 10,000 USD = 54,000 USD.
        List<ReservationTerms> history = List.of(
                reservation("R1").price("40000").currency(EUR).start("2025-09-06T08:00:00Z")
                        .cancelled("2025-09-06T12:00:00Z").build(),
                cancelledSameDay("R2", "10000", "2025-09-07"));

        assertThat(monitor.check("C1", history, YearMonth.of(2025, 9))).singleElement()
                .satisfies(a -> assertThat(a.rollingTotalUsd()).isEqualByComparingTo("54000"));
    }

    @Test
    void aMissingUsdRateIsReportedNotSwallowed() {
        List<ReservationTerms> history = List.of(reservation("R1").price("40000").currency(EUR)
                .start("2025-10-20T08:00:00Z").cancelled("2025-10-20T12:00:00Z").build());

        assertThat(monitor.check("C1", history, YearMonth.of(2025, 10))).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(RefundCapAlert.Kind.RATE_MISSING);
            assertThat(a.message()).contains("EUR->USD");
        });
    }
}
