package dev.ribilling.ingest;

import dev.ribilling.testing.UsageRows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ribilling.testing.CliHarness;
import dev.ribilling.testing.JobScenario;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The import job end to end through the command line, on a real database: exact counts per file, every reject
 * reason, duplicates, re-import as a no-op, changes after purchase, missing columns (exit 2, nothing loaded).
 * Subclasses choose the database (H2 embedded, MariaDB/MySQL).
 */
abstract class ImportScenarioTests extends JobScenario {

    static final Path FIXTURES = Path.of("src/test/resources/import");


    /** A DATETIME column as an instant: H2 returns Timestamp, MySQL Connector/J LocalDateTime (both UTC here). */
    static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return ((java.time.LocalDateTime) value).toInstant(java.time.ZoneOffset.UTC);
    }

    private static JsonNode file(JsonNode lastRun, String name) {
        for (JsonNode f : lastRun.get("files")) {
            if (Path.of(f.get("path").asText()).getFileName().toString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no file " + name + " in " + lastRun);
    }

    private static void assertCounts(JsonNode f, long read, long loaded, long rejected, long duplicate, long skipped) {
        assertThat(f.get("rowsRead").asLong()).as("rowsRead of " + f.get("path")).isEqualTo(read);
        assertThat(f.get("rowsLoaded").asLong()).as("rowsLoaded of " + f.get("path")).isEqualTo(loaded);
        assertThat(f.get("rowsRejected").asLong()).as("rowsRejected of " + f.get("path")).isEqualTo(rejected);
        assertThat(f.get("rowsDuplicate").asLong()).as("rowsDuplicate of " + f.get("path")).isEqualTo(duplicate);
        assertThat(f.get("rowsSkipped").asLong()).as("rowsSkipped of " + f.get("path")).isEqualTo(skipped);
    }

    @Test
    void importsEveryKindWithExactCountsAndNormalisedValues() throws Exception {
        CliHarness.Result result = cli.run(out, "import", "--input", FIXTURES.resolve("good").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode run = result.lastRun();
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("command").asText()).isEqualTo("import");
        List<String> kinds = run.get("files").findValuesAsText("kind");
        assertThat(kinds).containsExactly("isf", "prices", "fx-rates", "customers", "reservations", "usage");
        assertCounts(file(run, "isf-small.csv"), 5, 5, 0, 0, 0);
        assertCounts(file(run, "prices.csv"), 6, 3, 0, 0, 3);
        assertCounts(file(run, "fx-rates.csv"), 2, 2, 0, 0, 0);
        assertCounts(file(run, "customers.csv"), 2, 2, 0, 0, 0);
        assertCounts(file(run, "reservations.csv"), 2, 2, 0, 0, 0);
        assertCounts(file(run, "usage-2026-10.csv"), 4, 4, 0, 0, 0);
        assertThat(file(run, "usage-2026-10.csv").get("sha256").asText()).hasSize(64);

        // Regions, SKUs and subscriptions in normal form; EntitlementId is the subscription; offsets become UTC.
        Map<String, Object> vm = jdbc.queryForMap("SELECT * FROM " + UsageRows.table(jdbc) + " r JOIN usage_line l ON l.id = r.line_id WHERE r.line_number = 2");
        assertThat(vm.get("region")).isEqualTo("westeurope");
        assertThat(vm.get("vm_size")).isEqualTo("standard_d2s_v3");
        assertThat(vm.get("subscription_id")).isEqualTo("sub-1");
        assertThat(vm.get("billing_subscription_id")).isEqualTo("billing-1");
        assertThat(vm.get("resource_group")).isEqualTo("rg-1");
        assertThat(instant(vm.get("slot_start"))).isEqualTo(Instant.parse("2026-10-14T13:00:00Z"));
        assertThat(((Number) vm.get("slot_hours")).intValue()).isEqualTo(1);
        Map<String, Object> spot = jdbc.queryForMap("SELECT * FROM " + UsageRows.table(jdbc) + " r JOIN usage_line l ON l.id = r.line_id WHERE r.line_number = 5");
        assertThat(instant(spot.get("slot_start"))).isEqualTo(Instant.parse("2026-10-14T23:00:00Z"));
        assertThat(spot.get("resource_uri")).asString().endsWith("virtualmachines/vm,2");
        assertThat(spot.get("meter_name")).isEqualTo("E2s v5\nSpot");
        Map<String, Object> daily = jdbc.queryForMap("SELECT * FROM " + UsageRows.table(jdbc) + " r JOIN usage_line l ON l.id = r.line_id WHERE r.line_number = 4");
        assertThat(((Number) daily.get("slot_hours")).intValue()).isEqualTo(24);
        assertThat((BigDecimal) daily.get("quantity")).isEqualByComparingTo("12.5");

        Map<String, Object> res2 = jdbc.queryForMap("SELECT * FROM reservation WHERE reservation_id = 'res-2'");
        assertThat(instant(res2.get("benefit_start"))).isEqualTo(Instant.parse("2026-08-31T22:00:00Z"));
        assertThat(instant(res2.get("expiry"))).isEqualTo(Instant.parse("2029-08-31T22:00:00Z"));
        // Partner of record and markup frozen from the customer at first load.
        assertThat(res2.get("reseller_id")).isEqualTo("reseller-1");
        assertThat((BigDecimal) res2.get("reservation_markup_pct")).isEqualByComparingTo("6");
        assertThat(res2.get("instance_flexibility")).isIn(false, 0, (byte) 0);
        assertThat(jdbc.queryForObject("SELECT region FROM reservation WHERE reservation_id = 'res-1'", String.class))
                .isEqualTo("westeurope");
        assertThat(Files.exists(out.resolve("rejects"))).isFalse();
    }

    @Test
    void reimportingIdenticalFilesLoadsNothingTwice() throws Exception {
        cli.run(out, "import", "--input", FIXTURES.resolve("good").toString());
        Map<String, Object> before = tableCounts();

        CliHarness.Result again = cli.run(out, "import", "--input", FIXTURES.resolve("good").toString());

        assertThat(again.exitCode()).isZero();
        assertThat(tableCounts()).isEqualTo(before);
        for (JsonNode f : again.lastRun().get("files")) {
            assertThat(f.get("rowsLoaded").asLong()).as(f.get("path").asText()).isZero();
            assertThat(f.get("rowsRejected").asLong()).as(f.get("path").asText()).isZero();
        }
        assertCounts(file(again.lastRun(), "usage-2026-10.csv"), 4, 0, 0, 4, 0);
        assertThat(Files.exists(out.resolve("rejects"))).isFalse();
    }

    private Map<String, Object> tableCounts() {
        return jdbc.queryForMap("SELECT (SELECT COALESCE(SUM(entry_count), 0) FROM usage_pack) u, (SELECT COUNT(*) FROM reservation) r, "
                + "(SELECT COUNT(*) FROM customer) c, (SELECT COUNT(*) FROM customer_version) cv, "
                + "(SELECT COUNT(*) FROM price) p, (SELECT COUNT(*) FROM isf_ratio) i, (SELECT COUNT(*) FROM fx_rate) f, "
                + "(SELECT COUNT(*) FROM row_history) h");
    }

    @Test
    void rejectsEveryBadRowWithAReasonAndLoadsTheOthers() throws Exception {
        cli.run(out, "import", "--input", FIXTURES.resolve("good").toString());

        CliHarness.Result result = cli.run(out, "import", "--input", FIXTURES.resolve("bad").toString());

        assertThat(result.exitCode()).as("rejected rows are warnings, not failures").isZero();
        assertCounts(file(result.lastRun(), "usage-bad.csv"), 14, 1, 12, 1, 0);
        assertCounts(file(result.lastRun(), "reservations-bad.csv"), 7, 1, 6, 0, 0);

        String sha = file(result.lastRun(), "usage-bad.csv").get("sha256").asText();
        // Rejected rows are the completed run's warnings, one per file.
        assertThat(result.lastRun().get("warnings").findValuesAsText("reason")).contains(
                "reservations-bad.csv: 6 rows rejected, reasons in rejects/reservations-bad.csv."
                        + file(result.lastRun(), "reservations-bad.csv").get("sha256").asText().substring(0, 12)
                        + ".rejects.csv",
                "usage-bad.csv: 12 rows rejected and 1 duplicate, reasons in rejects/usage-bad.csv."
                        + sha.substring(0, 12) + ".rejects.csv");
        Path rejects = out.resolve("rejects").resolve("usage-bad.csv." + sha.substring(0, 12) + ".rejects.csv");
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines.get(0)).isEqualTo("LineNumber,Reason,RawLine");
        assertThat(lines).hasSize(14);
        assertThat(lines.subList(1, 14)).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly("3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15");
        Map<Long, String> reasons = reasons(rejects);
        assertThat(reasons.get(3L)).isEqualTo("duplicate: every column equals the usage row already loaded from line 2 of this file");
        assertThat(reasons.get(4L)).isEqualTo("missing field: CustomerId is empty");
        assertThat(reasons.get(5L)).startsWith("malformed field: Quantity '1;5' is not a decimal number");
        assertThat(reasons.get(6L)).startsWith("malformed field: UsageDate '2026-13-01' is not an ISO date");
        assertThat(reasons.get(7L)).startsWith("malformed field: UsageDate '2026-10-01T05:00:00' has no time zone");
        assertThat(reasons.get(8L)).startsWith("unknown customer: CustomerId 'unknown-co' is not a known customer");
        assertThat(reasons.get(9L)).isEqualTo("negative quantity: Quantity -1 is negative");
        assertThat(reasons.get(10L)).isEqualTo("more hours than the slot: Quantity 1.25 is more hours than the hourly slot holds for a single VM");
        assertThat(reasons.get(11L)).startsWith("unsafe id: CustomerId '../../x' is not allowed");
        assertThat(reasons.get(12L)).startsWith("unsafe id: CustomerId 'CON' is not allowed");
        assertThat(reasons.get(13L)).contains("AdditionalInfo has no ServiceType");
        assertThat(reasons.get(14L)).isEqualTo("malformed field: UsageDate '2026-10-01T00:30:00Z' is a date-time that is not on the hour");
        assertThat(reasons.get(15L)).isEqualTo("malformed field: BillingCurrency 'EURO' is not an ISO 4217 currency code");

        Map<Long, String> reservationReasons = reasons(out.resolve("rejects").resolve("reservations-bad.csv."
                + file(result.lastRun(), "reservations-bad.csv").get("sha256").asText().substring(0, 12) + ".rejects.csv"));
        assertThat(reservationReasons.get(3L)).startsWith("reservation res-1: Quantity cannot change after purchase");
        assertThat(reservationReasons.get(4L)).startsWith("unknown SKU: SkuName 'standard_nonexistent' is found in neither");
        assertThat(reservationReasons.get(5L)).isEqualTo("malformed field: Term 'P2Y' must be one of P1Y, P3Y");
        assertThat(reservationReasons.get(6L)).isEqualTo("missing field: ScopeSubscriptionId is empty but ScopeType Single needs it");
        assertThat(reservationReasons.get(7L)).startsWith("unknown customer: CustomerId 'nobody' is not a known customer");
        assertThat(reservationReasons.get(8L)).isEqualTo("missing field: CancelledAt is empty but Status is Cancelled");
        assertThat(reservationReasons).hasSize(6);

        // The cancellation arriving later updated the reservation and kept the old version.
        assertThat(jdbc.queryForObject("SELECT status FROM reservation WHERE reservation_id = 'res-1'", String.class))
                .isEqualTo("Cancelled");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM row_history WHERE natural_key = 'res-1'", Integer.class))
                .isEqualTo(1);
        JsonNode warnings = result.lastRun().get("warnings");
        assertThat(warnings.findValuesAsText("reason")).anyMatch(r -> r.startsWith("reservations res-1 changed: Status Active -> Cancelled"));
        assertThat(warnings.findValuesAsText("customerId")).contains("contoso");
    }

    @Test
    void aCorrectedPriceIsListedWithItsOldAndNewValue() throws Exception {
        cli.run(out, "import", "--input", FIXTURES.resolve("good").toString());
        Path fix = out.resolve("fix");
        Files.createDirectories(fix);
        Files.writeString(fix.resolve("prices-fix.csv"), "ArmSkuName,ArmRegionName,Type,UnitPrice,CurrencyCode,"
                + "EffectiveStartDate,ReservationTerm,MeterName,ProductName\nStandard_D2s_v3,westeurope,Consumption,0.097,"
                + "USD,2026-01-01,,D2s v3,Virtual Machines Dsv3 Series\n");

        CliHarness.Result result = cli.run(out, "import", "--input", fix.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lastRun().get("warnings").findValuesAsText("reason")).singleElement()
                .satisfies(r -> assertThat(r).startsWith("prices ").contains("standard_d2s_v3")
                        .endsWith("changed: UnitPrice 0.096 -> 0.097"));
        assertThat(result.out()).contains("changed: prices ");
    }

    /**
     * CustomerIds are compared exactly, on H2 and on MySQL alike (whose default collation would take CONTOSO for
     * contoso): a customer differing only in case is refused, and rows naming it are unknown customers, with a hint.
     */
    @Test
    void aCustomerIdDifferingOnlyInCaseIsRefusedOnEveryDatabase() throws Exception {
        cli.run(out, "import", "--input", FIXTURES.resolve("good").toString());
        Path inbox = out.resolve("case");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("customers-case.csv"), "CustomerId,CustomerName,BillingCurrency,PaygMarkupPct,"
                + "ReservationMarkupPct\nCONTOSO,Contoso upper,EUR,99,99\n");
        Files.writeString(inbox.resolve("usage-case.csv"), Files.readString(FIXTURES.resolve("good/usage-2026-10.csv"))
                .replace("\ncontoso,", "\nContoso,"));

        CliHarness.Result result = cli.run(out, "import", "--input", inbox.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertCounts(file(result.lastRun(), "customers-case.csv"), 1, 0, 1, 0, 0);
        assertThat(jdbc.queryForList("SELECT customer_name FROM customer ORDER BY customer_name", String.class))
                .containsExactly("Contoso Ltd", "Fabrikam, GmbH");
        Map<Long, String> customerReasons = reasons(out.resolve("rejects").resolve("customers-case.csv."
                + file(result.lastRun(), "customers-case.csv").get("sha256").asText().substring(0, 12) + ".rejects.csv"));
        assertThat(customerReasons.get(2L)).isEqualTo("unsafe id: CustomerId 'CONTOSO' differs only in case from the "
                + "loaded customer 'contoso' (their folders would be one on Windows and macOS); write it as 'contoso'");
        JsonNode usage = file(result.lastRun(), "usage-case.csv");
        assertThat(usage.get("rowsRejected").asLong()).isPositive();
        assertThat(usage.get("rowsLoaded").asLong()).isZero();
        assertThat(reasons(out.resolve("rejects").resolve("usage-case.csv." + usage.get("sha256").asText()
                .substring(0, 12) + ".rejects.csv")).values()).contains(
                        "unknown customer: CustomerId 'Contoso' is not a known customer (the loaded customer 'contoso' "
                                + "differs only in case: CustomerIds are compared exactly)")
                .allSatisfy(r -> assertThat(r).matches("(unknown customer: CustomerId 'Contoso' .*|duplicate: .*)"));
    }

    /** A folder holding Microsoft's real EA actual-cost export as usage-ea.csv (the test is skipped without it). */
    private Path eaActualExportAsUsage() throws java.io.IOException {
        Path shared = Path.of("../shared/reference-data/finops-toolkit-ea-cost-tests/EA_ActualCost_Small.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared), "shared reference data present");
        Path inbox = out.resolve("ea");
        Files.createDirectories(inbox);
        Files.copy(shared, inbox.resolve("usage-ea.csv"));
        return inbox;
    }

    /** LineNumber to Reason of a rejects file, read back as CSV. */
    static Map<Long, String> reasons(Path rejects) throws Exception {
        Map<Long, String> reasons = new java.util.LinkedHashMap<>();
        try (com.opencsv.CSVReader reader = new com.opencsv.CSVReader(Files.newBufferedReader(rejects))) {
            reader.readNext();
            String[] row;
            while ((row = reader.readNext()) != null) {
                reasons.put(Long.parseLong(row[0]), row[1]);
            }
        }
        return reasons;
    }

    @Test
    void retriesRowsRejectedForAnUnknownCustomerWhenTheFileComesAgain() throws Exception {
        Path inbox = out.resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(FIXTURES.resolve("good/usage-2026-10.csv"), inbox.resolve("usage-2026-10.csv"));
        CliHarness.Result first = cli.run(out, "import", "--input", inbox.toString());
        assertCounts(file(first.lastRun(), "usage-2026-10.csv"), 4, 0, 4, 0, 0);

        cli.run(out, "import", "--input", FIXTURES.resolve("good/customers.csv").toString());
        CliHarness.Result again = cli.run(out, "import", "--input", inbox.toString());

        assertCounts(file(again.lastRun(), "usage-2026-10.csv"), 4, 4, 0, 0, 0);
        assertThat((int) UsageRows.count(jdbc)).isEqualTo(4);
    }

    @Test
    void aCopyUnderAnotherNameHasItsRejectsUnderItsOwnName() throws Exception {
        Path inbox = out.resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(FIXTURES.resolve("good/usage-2026-10.csv"), inbox.resolve("usage-a.csv"));
        CliHarness.Result first = cli.run(out, "import", "--input", inbox.resolve("usage-a.csv").toString());
        String sha12 = file(first.lastRun(), "usage-a.csv").get("sha256").asText().substring(0, 12);
        Path rejectsA = out.resolve("rejects").resolve("usage-a.csv." + sha12 + ".rejects.csv");
        assertThat(rejectsA).exists(); // no customers loaded: every row is an unknown customer
        String before = Files.readString(rejectsA);

        Files.copy(inbox.resolve("usage-a.csv"), inbox.resolve("usage-b.csv"));
        CliHarness.Result copy = cli.run(out, "import", "--input", inbox.resolve("usage-b.csv").toString());

        assertCounts(file(copy.lastRun(), "usage-b.csv"), 4, 0, 4, 0, 0);
        Path rejectsB = out.resolve("rejects").resolve("usage-b.csv." + sha12 + ".rejects.csv");
        assertThat(reasons(rejectsB)).hasSize(4).allSatisfy((line, reason) -> assertThat(reason)
                .startsWith("unknown customer:"));
        assertThat(Files.readString(rejectsA)).isEqualTo(before);

        // Once the customers are loaded the copy loads its rows: no rejects file of this content is left.
        cli.run(out, "import", "--input", FIXTURES.resolve("good/customers.csv").toString());
        CliHarness.Result loaded = cli.run(out, "import", "--input", inbox.resolve("usage-b.csv").toString());
        assertCounts(file(loaded.lastRun(), "usage-b.csv"), 4, 4, 0, 0, 0);
        assertThat(rejectsA).doesNotExist();
        assertThat(rejectsB).doesNotExist();
    }

    @Test
    void aMissingRequiredColumnStopsTheImportBeforeAnyRowLoads() throws Exception {
        CliHarness.Result result = cli.run(out, "import", "--input", FIXTURES.resolve("missing-column").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("usage-nocolumn.csv: missing required column Quantity");
        assertThat(result.lastRun().get("status").asText()).isEqualTo("INVALID");
        assertThat(result.lastRun().get("exitCode").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM input_file", Integer.class)).isZero();
    }

    @Test
    void loadsMicrosoftsRealIsfTableAndEaCostExports() throws Exception {
        Path shared = Path.of("../shared/reference-data");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared), "shared reference data present");
        Path inbox = out.resolve("real");
        Files.createDirectories(inbox);
        Files.copy(shared.resolve("finops-toolkit-isf/InstanceSizeFlexibility.csv"), inbox.resolve("isf.csv"));
        Files.copy(shared.resolve("finops-toolkit-ea-cost-tests/EA_ActualCost_Small.csv"), inbox.resolve("usage-ea-actual.csv"));
        Files.copy(shared.resolve("finops-toolkit-ea-cost-tests/EA_AmortizedCost_Small.csv"),
                inbox.resolve("usage-ea-amortized.csv"));
        Files.copy(FIXTURES.resolve("good/customers.csv"), inbox.resolve("customers.csv"));

        CliHarness.Result result = cli.run(out, "import", "--input", inbox.toString(), "--customer", "contoso");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode isf = file(result.lastRun(), "isf.csv");
        assertCounts(isf, 2437, 2437, 0, 0, 0);
        assertThat(jdbc.queryForObject("SELECT ratio FROM isf_ratio WHERE arm_sku_name = 'standard_e64s_v3'",
                BigDecimal.class)).isEqualByComparingTo("57.6");
        // The actual-cost export's reservation Purchase row is skipped, not rejected; its 10 usage rows load.
        assertCounts(file(result.lastRun(), "usage-ea-actual.csv"), 11, 10, 0, 0, 1);
        // The amortized export repeats the actual export's 10 usage rows (equal in every contract column: the
        // differing Cost and EffectivePrice are not read), so they are duplicates and are not billed twice.
        assertCounts(file(result.lastRun(), "usage-ea-amortized.csv"), 28, 18, 0, 10, 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + UsageRows.table(jdbc) + " r JOIN usage_line l ON l.id = r.line_id WHERE r.customer_id = 'contoso' AND slot_hours = 24 "
                + "AND meter_category = 'Virtual Machines' AND vm_size IS NOT NULL", Integer.class)).isPositive();
    }

    @Test
    void aCostExportLoadedForOneCustomerIsRefusedForAnother() throws Exception {
        Path inbox = eaActualExportAsUsage();
        Path shared = inbox.resolve("usage-ea.csv");
        cli.run(out, "import", "--input", FIXTURES.resolve("good/customers.csv").toString());
        CliHarness.Result contoso = cli.run(out, "import", "--input", inbox.toString(), "--customer", "contoso");
        assertCounts(file(contoso.lastRun(), "usage-ea.csv"), 11, 10, 0, 0, 1);

        // The same export (here under another name) for another customer would bill its usage twice.
        Files.copy(shared, inbox.resolve("usage-ea-again.csv"));
        CliHarness.Result fabrikam = cli.run(out, "import", "--input", inbox.resolve("usage-ea-again.csv").toString(),
                "--customer", "fabrikam");

        assertThat(fabrikam.exitCode()).isEqualTo(2);
        assertThat(fabrikam.err()).contains("usage-ea-again.csv: this cost-details export")
                .contains("already loaded for customer contoso");
        assertThat(fabrikam.lastRun().get("status").asText()).isEqualTo("INVALID");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usage_file_day WHERE customer_id = 'fabrikam'",
                Integer.class)).isZero();
        // The same customer again is the ordinary re-import: nothing loads twice.
        CliHarness.Result again = cli.run(out, "import", "--input", inbox.resolve("usage-ea-again.csv").toString(),
                "--customer", "contoso");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertCounts(file(again.lastRun(), "usage-ea-again.csv"), 11, 0, 0, 10, 1);
    }

    @Test
    void aCostExportWithoutCustomerIsRejectedRowByRow() throws Exception {
        Path inbox = eaActualExportAsUsage();

        CliHarness.Result result = cli.run(out, "import", "--input", inbox.toString());

        JsonNode f = file(result.lastRun(), "usage-ea.csv");
        assertThat(f.get("rowsLoaded").asLong()).isZero();
        assertThat(f.get("rowsRejected").asLong()).isPositive();
        assertThat(jdbc.queryForObject("SELECT MIN(reason) FROM rejected_row", String.class))
                .contains("import it with --customer ID");
    }
}
