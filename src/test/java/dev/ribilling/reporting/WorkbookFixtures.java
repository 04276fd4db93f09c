package dev.ribilling.reporting;

import dev.ribilling.invoicing.InvoiceLineType;
import dev.ribilling.reporting.AlertRow.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Small hand-made workbook data with tricky text, and a generator for partner-sized data. */
final class WorkbookFixtures {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");

    /** Text a spreadsheet would run as a formula if it were not a string cell. */
    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"click\")";
    static final String FORMULA_RAW_LINE = "=cmd|' /C calc'!A0,+1,-2,@SUM(A1)";

    private WorkbookFixtures() {
    }

    static ReconciliationData small() {
        List<SummaryRow> customers = List.of(
                SummaryRow.customer(null, "contoso", "Contoso Ltd", EUR, new BigDecimal("1000.004"),
                        new BigDecimal("200.00"), new BigDecimal("1500.00"), new BigDecimal("1400.00"),
                        new BigDecimal("250.555"), new BigDecimal("1000"), new BigDecimal("900")),
                SummaryRow.customer("reseller-1", "evil", FORMULA_NAME, EUR, new BigDecimal("300.00"),
                        BigDecimal.ZERO, new BigDecimal("280.00"), null, null, new BigDecimal("100"), new BigDecimal("40")),
                SummaryRow.customer("reseller-1", "tokyo", "Tokyo KK", JPY, new BigDecimal("150000"),
                        new BigDecimal("1234.5"), new BigDecimal("180000"), new BigDecimal("170000"),
                        new BigDecimal("20000"), new BigDecimal("720"), new BigDecimal("700")));
        List<SummaryRow> summary = SummaryAggregator.summarize(customers, USD,
                c -> c.equals(EUR) ? new BigDecimal("1.08") : null);

        List<ReservationUtilizationRow> reservations = List.of(
                reservation("res-a", "0.5", "EUR"), reservation("res-b", "0.95", "EUR"), reservation("res-c", "0", "USD"));
        List<DailyUtilizationPoint> daily = IntStream.rangeClosed(1, 31).boxed()
                .flatMap(day -> reservations.stream().map(r -> new DailyUtilizationPoint(OCTOBER.atDay(day),
                        new BigDecimal("24"), day > 20 ? new BigDecimal("12") : new BigDecimal("22"))))
                .toList();

        List<UncoveredUsageRow> uncovered = List.of(new UncoveredUsageRow("contoso", "sub-1", "Standard_D2s_v3",
                "westeurope", "OnDemand", new BigDecimal("10.5"), new BigDecimal("1.234567"), EUR),
                new UncoveredUsageRow("tokyo", "sub-2", "-Standard_D4s_v3", "japaneast", "OnDemand",
                        new BigDecimal("3"), new BigDecimal("1234.5"), JPY));

        List<VarianceRow> variance = List.of(
                new VarianceRow(VarianceStatus.MATCHED, "contoso", "order-1", "res-a", ChargeCategory.CHARGE, "new",
                        InvoiceLineType.ReservationPurchase, "G000123", OCTOBER.atDay(1), OCTOBER.atDay(1), BigDecimal.ONE,
                        USD, new BigDecimal("100"), new BigDecimal("0.9234567"), EUR, new BigDecimal("92.34"),
                        new BigDecimal("92.34"), BigDecimal.ZERO, new BigDecimal("0.01"), null),
                new VarianceRow(VarianceStatus.DIFFERENCE, "contoso", "order-2", "res-b", ChargeCategory.CHARGE,
                        "cycleCharge", InvoiceLineType.ReservationInstalment, "G000123", OCTOBER.atDay(3), OCTOBER.atDay(3),
                        BigDecimal.ONE, USD, new BigDecimal("50"), new BigDecimal("0.9234567"), EUR,
                        new BigDecimal("46.17"), new BigDecimal("47.00"), new BigDecimal("0.83"), new BigDecimal("0.01"), null));

        List<AlertRow> alerts = List.of(
                AlertRules.customerSkipped("fx-less", AlertKind.CUSTOMER_SKIPPED_FX_RATE, OCTOBER.atDay(5),
                        "no EUR to GBP rate on 2026-10-05"),
                new AlertRow(Severity.WARNING, AlertKind.LOW_UTILIZATION_7_DAYS, "contoso", "res-a", null,
                        new BigDecimal("0.5"), null, null, "@low"));

        RecommendationCalculator recommendations = new RecommendationCalculator(new BigDecimal("0.10"));
        Recommendation buy = recommendations.recommendPurchase(new RecommendationScope("contoso", "westeurope",
                "DSv2 Series", "Standard_DS1_v2", EUR, new BigDecimal("0.06"), new BigDecimal("0.10")),
                java.util.Collections.nCopies(720, new BigDecimal("4")), 720).orElseThrow();

        List<RejectedRowRef> rejected = List.of(new RejectedRowRef("usage-2026-10.csv", "ab".repeat(32), 7,
                "unknown customer", FORMULA_RAW_LINE), new RejectedRowRef("usage-2026-10.csv", "ab".repeat(32), 8,
                "malformed", "x".repeat(40_000)));

        return ReconciliationData.builder(OCTOBER, runInfo())
                .summary(summary)
                .utilization(RowSource.of(reservations), RowSource.of(daily))
                .uncoveredUsage(RowSource.of(uncovered))
                .variance(RowSource.of(variance))
                .alerts(RowSource.of(alerts))
                .recommendations(RowSource.of(List.of(buy)))
                .rejectedRows(RowSource.of(rejected))
                .build();
    }

    static RunInfo runInfo() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("period", "2026-10");
        parameters.put("billing.partner-currency", "USD");
        return new RunInfo(Instant.parse("2026-11-02T06:00:00Z"), "0.1.0", "H2 2.3 jdbc:h2:file:./data/ri-billing",
                parameters, List.of(new RunInfo.InputFile("in/usage-2026-10.csv", "usage", "ab".repeat(32), 10, 7, 2, 1, 0)));
    }

    static ReservationUtilizationRow reservation(String id, String utilization, String currency) {
        BigDecimal capacity = new BigDecimal("744");
        BigDecimal used = capacity.multiply(new BigDecimal(utilization));
        BigDecimal amortized = new BigDecimal("100.005");
        BigDecimal payg = new BigDecimal("200").multiply(new BigDecimal(utilization));
        return new ReservationUtilizationRow(id, "order-" + id, "contoso", null, "Standard_D2s_v3", "westeurope",
                BigDecimal.ONE, LocalDate.of(2027, 1, 15), capacity, used, amortized, payg, payg.subtract(amortized),
                Currency.getInstance(currency));
    }

    /** A partner with {@code reservations} reservations (one daily point each per day) and uncovered rows. */
    static ReconciliationData large(int reservations, int uncoveredRows) {
        RowSource<ReservationUtilizationRow> utilization = () -> IntStream.range(0, reservations)
                .mapToObj(i -> reservation(String.format("res-%08d-0000-4000-8000-%012d", i, i),
                        "0." + (i % 100 < 10 ? "0" : "") + (i % 100), i % 3 == 0 ? "USD" : "EUR"));
        RowSource<DailyUtilizationPoint> daily = () -> IntStream.range(0, reservations)
                .boxed()
                .flatMap(i -> IntStream.rangeClosed(1, OCTOBER.lengthOfMonth()).mapToObj(day -> new DailyUtilizationPoint(
                        OCTOBER.atDay(day), new BigDecimal("24"), BigDecimal.valueOf((i + day) % 25))));
        RowSource<UncoveredUsageRow> uncovered = () -> IntStream.range(0, uncoveredRows)
                .mapToObj(i -> new UncoveredUsageRow("customer-" + (i % 500),
                        String.format("%08d-0000-4000-8000-%012d", i % 2000, i), "Standard_D" + (2 << (i % 4)) + "s_v5",
                        i % 2 == 0 ? "westeurope" : "northeurope", "OnDemand", BigDecimal.valueOf(i % 744, 1),
                        BigDecimal.valueOf(i * 37L % 100_000, 3), i % 7 == 0 ? JPY : EUR));
        return ReconciliationData.builder(OCTOBER, runInfo())
                .utilization(utilization, daily)
                .uncoveredUsage(uncovered)
                .build();
    }
}
