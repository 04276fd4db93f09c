package dev.ribilling.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ribilling.reporting.AlertRow.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Low 7- and 30-day utilization, negative savings, expiry within 90 days, refund cap, skipped customers. */
class AlertRulesTests {

    private static final LocalDate REPORT_DATE = LocalDate.of(2026, 10, 31);
    private final AlertRules rules = AlertRules.defaults();

    @Test
    void aReservationLowOnBothWindowsWithSavingsTurnedNegativeAndEndingSoonRaisesFourAlerts() {
        List<AlertRow> alerts = rules.forReservation(facts("0.40", "0.70", "-12.50", "3.00", "2027-01-15"), REPORT_DATE);

        assertThat(alerts).extracting(AlertRow::kind).containsExactly(AlertKind.LOW_UTILIZATION_7_DAYS,
                AlertKind.LOW_UTILIZATION_30_DAYS, AlertKind.NEGATIVE_SAVINGS, AlertKind.EXPIRING_SOON);
        assertThat(alerts.get(0).message()).contains("40.0 %", "last 7 days", "80.0 %");
        assertThat(alerts.get(2).message()).contains("turned negative");
        assertThat(alerts.get(2).amount()).isEqualByComparingTo("-12.50");
        assertThat(alerts.get(3).date()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(alerts.get(3).message()).contains("ends in 76 days");
    }

    @Test
    void aHealthyReservationRaisesNothing() {
        assertThat(rules.forReservation(facts("0.80", "0.95", "10", "10", "2027-02-01"), REPORT_DATE)).isEmpty();
        assertThat(rules.forReservation(facts(null, null, null, null, null), REPORT_DATE)).isEmpty();
    }

    @Test
    void refundCapWarnsFromEightyPercentAndIsAnErrorAboveTheLimit() {
        BigDecimal limit = new BigDecimal("50000");
        assertThat(rules.forRefundCap("c", new BigDecimal("39999.99"), limit)).isEmpty();
        assertThat(rules.forRefundCap("c", new BigDecimal("40000"), limit)).get()
                .extracting(AlertRow::severity).isEqualTo(Severity.WARNING);
        AlertRow exceeded = rules.forRefundCap("c", new BigDecimal("50000.01"), limit).orElseThrow();
        assertThat(exceeded.severity()).isEqualTo(Severity.ERROR);
        assertThat(exceeded.message()).contains("above", "USD 50000.01");
    }

    @Test
    void skippedCustomersAreErrorsWithTheirReason() {
        AlertRow skipped = AlertRules.customerSkipped("contoso", AlertKind.CUSTOMER_SKIPPED_PRICE, REPORT_DATE,
                "no compute price for Standard_D2s_v3 in westeurope on 2026-10-31");
        assertThat(skipped.severity()).isEqualTo(Severity.ERROR);
        assertThat(skipped.message()).startsWith("not invoiced this run: no compute price");
        assertThatThrownBy(() -> AlertRules.customerSkipped("c", AlertKind.OTHER, REPORT_DATE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ReservationAlertFacts facts(String last7, String last30, String savings, String previous,
            String termEnd) {
        return new ReservationAlertFacts("res-1", "contoso", "Standard_D2s_v3", "westeurope", decimal(last7),
                decimal(last30), decimal(savings), decimal(previous), Currency.getInstance("EUR"),
                termEnd == null ? null : LocalDate.parse(termEnd));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
