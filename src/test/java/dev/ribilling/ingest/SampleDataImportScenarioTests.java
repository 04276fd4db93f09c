package dev.ribilling.ingest;

import dev.ribilling.testing.UsageRows;

import static dev.ribilling.testing.ImportAssertions.assertCounts;
import static dev.ribilling.testing.ImportAssertions.assertCountsAddUp;
import static dev.ribilling.testing.ImportAssertions.rejects;
import static dev.ribilling.testing.ImportAssertions.rejectsFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ribilling.testing.CliHarness;
import dev.ribilling.testing.ImportAssertions.Reject;
import dev.ribilling.testing.JobScenario;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample month ({@code sample-data/}) imported through the command line: exact counts per file, then
 * every bad row of {@code sample-data/bad} with the reason {@code sample-data/README.md} gives, then the missing
 * column of {@code sample-data/bad-header}; and reservations and customers as xlsx. Subclasses choose the database.
 *
 * <p>{@code bad/usage-bad.csv} line 13, a daily row of a VM whose hourly rows of that day were loaded from an
 * earlier file, is rejected at import ("overlaps hourly usage"); one whose hourly rows arrive later is left out by
 * the match job instead (see DailyAndHourlyUsageTests and the match scenario tests).
 */
abstract class SampleDataImportScenarioTests extends JobScenario {

    static final Path SAMPLE = Path.of("sample-data");
    static final Path BAD = SAMPLE.resolve("bad");


    static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return ((LocalDateTime) value).toInstant(java.time.ZoneOffset.UTC);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    /** The sample month's clean files: nothing rejected, only the 8 non-Linux price rows skipped. */
    private void assertSampleMonthCounts(JsonNode lastRun) {
        assertThat(lastRun.get("files").findValuesAsText("kind")).containsExactly("isf", "prices", "fx-rates",
                "customers", "reservations", "usage", "partner-invoice");
        assertCounts(lastRun, "isf.csv", 2437, 2437, 0, 0, 0);
        assertCounts(lastRun, "prices.csv", 52, 44, 0, 0, 8);
        assertCounts(lastRun, "fx-rates.csv", 30, 30, 0, 0, 0);
        assertCounts(lastRun, "customers.csv", 3, 3, 0, 0, 0);
        assertCounts(lastRun, "reservations.csv", 10, 10, 0, 0, 0);
        assertCounts(lastRun, "usage-2026-10.csv", 12_671, 12_671, 0, 0, 0);
        assertCounts(lastRun, "partner-invoice-2026-10.csv", 8, 8, 0, 0, 0);
        assertCountsAddUp(lastRun);
    }

    @Test
    void theSampleMonthLoadsCleanlyThenEveryBadRowIsRejectedWithItsReason() throws Exception {
        CliHarness.Result month = cli.run(out, "import", "--input", SAMPLE.toString());

        assertThat(month.exitCode()).as(month.err()).isZero();
        assertThat(month.lastRun().get("status").asText()).isEqualTo("COMPLETED");
        assertSampleMonthCounts(month.lastRun());
        assertThat(out.resolve("rejects")).as("no rejects in the clean month").doesNotExist();
        assertThat(UsageRows.count(jdbc)).isEqualTo(12_671);
        assertThat(count("SELECT COUNT(*) FROM reservation")).isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM price")).isEqualTo(44);
        // Northwind's rows: EntitlementId is the subscription, SubscriptionId the billing id.
        assertThat(jdbc.queryForList("SELECT DISTINCT l.subscription_id FROM usage_line l WHERE l.customer_id = 'northwind'",
                String.class)).containsExactly("0b0b2c3d-0001-4000-8000-000000000001");
        assertThat(jdbc.queryForObject("SELECT customer_name FROM customer WHERE customer_id = 'fabrikam'", String.class))
                .isEqualTo("Fabrikam, Inc.");

        CliHarness.Result bad = cli.run(out, "import", "--input", BAD.toString());

        assertThat(bad.exitCode()).as("rejected rows are warnings: " + bad.err()).isZero();
        assertBadCounts(bad.lastRun());
        assertBadRejects(bad.lastRun());
        assertBadRowsThatLoad();
    }

    @Test
    void theUsageRowsPerCustomerDayCountEveryLoadedRowOnceThroughDuplicatesAndReimports() throws Exception {
        for (Path input : List.of(SAMPLE, BAD, SAMPLE)) {
            assertThat(cli.run(out, "import", "--input", input.toString()).exitCode()).isZero();

            // What the match job plans its partitions from equals a count of the loaded rows.
            assertThat(jdbc.queryForList("SELECT customer_id, usage_date, row_count FROM usage_customer_day "
                    + "ORDER BY customer_id, usage_date")).as("after importing %s", input)
                    .isEqualTo(jdbc.queryForList("SELECT customer_id, usage_date, COUNT(*) AS row_count FROM " + UsageRows.table(jdbc) + " "
                            + "GROUP BY customer_id, usage_date ORDER BY customer_id, usage_date"));
        }
        assertThat(count("SELECT SUM(row_count) FROM usage_customer_day")).isEqualTo(12_671 + 5);
    }

    @Test
    void oneImportOfBothFoldersOrdersByKindAndRejectsTheSameRows() throws Exception {
        CliHarness.Result result = cli.run(out, "import", "--input", BAD.toString(), SAMPLE.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lastRun().get("files").findValuesAsText("kind")).containsExactly("isf", "prices", "fx-rates",
                "customers", "customers", "reservations", "reservations", "usage", "usage", "usage", "partner-invoice");
        // Files of one kind load by file name: customers-bad.csv before customers.csv, usage-2026-10.csv first.
        assertThat(result.lastRun().get("files").findValuesAsText("path")).extracting(p -> Path.of(p).getFileName()
                .toString()).containsExactly("isf.csv", "prices.csv", "fx-rates.csv", "customers-bad.csv",
                        "customers.csv", "reservations-bad.csv", "reservations.csv", "usage-2026-10.csv", "usage-bad.csv",
                        "usage-bom-crlf.csv", "partner-invoice-2026-10.csv");
        assertCounts(result.lastRun(), "customers.csv", 3, 3, 0, 0, 0);
        assertCounts(result.lastRun(), "usage-2026-10.csv", 12_671, 12_671, 0, 0, 0);
        assertCounts(result.lastRun(), "customers-bad.csv", 6, 1, 5, 0, 0);
        assertCounts(result.lastRun(), "usage-bad.csv", 14, 2, 10, 2, 0);
        assertCounts(result.lastRun(), "usage-bom-crlf.csv", 3, 3, 0, 0, 0);
        // reservations-bad.csv loads before reservations.csv: #1 is new then, and the sample's #1 is the change; the
        // exchange of line 6 names #7, not loaded yet, so it is rejected too.
        assertCounts(result.lastRun(), "reservations-bad.csv", 9, 1, 8, 0, 0);
        assertCounts(result.lastRun(), "reservations.csv", 10, 9, 1, 0, 0);
        assertCountsAddUp(result.lastRun());
        Map<Long, Reject> usage = rejects(rejectsFile(out, result.lastRun(), "usage-bad.csv"));
        assertThat(usage.keySet()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L, 13L, 14L, 15L);
        assertThat(usage.get(9L).reason()).isEqualTo(
                "duplicate: every column equals the usage row already loaded from line 2 of usage-2026-10.csv");
    }

    private void assertBadCounts(JsonNode lastRun) {
        assertThat(lastRun.get("files").findValuesAsText("kind")).containsExactly("customers", "reservations", "usage",
                "usage");
        // README: customers 5 rejected / 1 loaded.
        assertCounts(lastRun, "customers-bad.csv", 6, 1, 5, 0, 0);
        // README: 9 rejected, line 6 for an exchange below the remaining commitment.
        assertCounts(lastRun, "reservations-bad.csv", 9, 0, 9, 0, 0);
        // README: 10 rejected + 2 duplicates + 2 loaded. Today 9 + 2 + 3: line 13 (a daily row on a day with hourly
        // usage) loads; the matching step deals with the overlap.
        assertCounts(lastRun, "usage-bad.csv", 14, 2, 10, 2, 0);
        assertCounts(lastRun, "usage-bom-crlf.csv", 3, 3, 0, 0, 0);
        assertCountsAddUp(lastRun);
    }

    private void assertBadRejects(JsonNode lastRun) throws Exception {
        List<String> customerLines = Files.readAllLines(BAD.resolve("customers-bad.csv"));
        Map<Long, Reject> customers = rejects(rejectsFile(out, lastRun, "customers-bad.csv"));
        assertThat(customers.keySet()).containsExactly(2L, 3L, 4L, 5L, 8L);
        assertReject(customers, 2, "CustomerId '../../x' is not allowed");
        assertReject(customers, 3, "CustomerId 'CON' is not allowed");
        assertReject(customers, 4, "BillingCurrency is empty");
        assertReject(customers, 5, "PaygMarkupPct '12,5' is not a decimal number");
        assertReject(customers, 8, "CustomerId 'nul' is not allowed");
        for (Reject r : customers.values()) {
            assertThat(r.rawLine()).as("raw line " + r.line()).isEqualTo(customerLines.get((int) r.line() - 1));
        }
        assertThat(customers.get(8L).rawLine()).isEqualTo("nul,Null Devices,USD,10,5,");
        assertCodes("customers-bad.csv", Map.of(2L, "UNSAFE_ID", 3L, "UNSAFE_ID", 4L, "MISSING_FIELD", 5L,
                "MALFORMED_FIELD", 8L, "UNSAFE_ID"));

        List<String> reservationLines = Files.readAllLines(BAD.resolve("reservations-bad.csv"));
        Map<Long, Reject> reservations = rejects(rejectsFile(out, lastRun, "reservations-bad.csv"));
        assertThat(reservations.keySet()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertReject(reservations, 6, "exchange below remaining commitment (TotalPrice 625 USD");
        assertReject(reservations, 2, "SkuName 'standard_d3s_v9' is found in neither the instance size flexibility "
                + "table nor the price sheet");
        assertReject(reservations, 3, "reservation 20000000-0000-4000-8000-000000000001: Quantity, TotalPrice cannot "
                + "change after purchase");
        assertReject(reservations, 4, "BenefitStart '2026-13-45T10:00:00Z' is not an ISO-8601 date-time");
        assertReject(reservations, 5, "BenefitStart '2026-10-20T10:00:00' has no time zone");
        assertReject(reservations, 7, "CustomerId 'globex' is not a known customer");
        assertReject(reservations, 8, "Term is empty");
        assertReject(reservations, 9, "TotalPrice '521,00' is not a decimal number");
        assertReject(reservations, 10, "Quantity -1 must be greater than zero");
        for (Reject r : reservations.values()) {
            assertThat(r.rawLine()).as("raw line " + r.line()).isEqualTo(reservationLines.get((int) r.line() - 1));
        }
        assertCodes("reservations-bad.csv", Map.of(2L, "UNKNOWN_SKU", 3L, "CHANGE_AFTER_PURCHASE", 4L,
                "MALFORMED_FIELD", 5L, "MALFORMED_FIELD", 6L, "EXCHANGE_BELOW_COMMITMENT", 7L, "UNKNOWN_CUSTOMER", 8L,
                "MISSING_FIELD", 9L, "MALFORMED_FIELD", 10L, "NEGATIVE_QUANTITY"));

        List<String> usageLines = Files.readAllLines(BAD.resolve("usage-bad.csv"));
        Map<Long, Reject> usage = rejects(rejectsFile(out, lastRun, "usage-bad.csv"));
        assertThat(usage.keySet()).as("lines 10 and 12 are valid; line 13 loads (gap: overlap left to matching)")
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L, 13L, 14L, 15L);
        assertReject(usage, 2, "Quantity is empty");
        assertReject(usage, 3, "UnitPrice '0.O96' is not a decimal number");
        assertReject(usage, 4, "UsageDate '2026-10-32T05:00:00Z' is not an ISO-8601 date-time");
        assertReject(usage, 5, "UsageDate '2026-10-05T05:00:00' has no time zone");
        assertReject(usage, 6, "CustomerId 'globex' is not a known customer");
        assertReject(usage, 7, "Quantity -1 is negative");
        assertReject(usage, 8, "Quantity 1.5 is more hours than the hourly slot holds for a single VM");
        assertReject(usage, 9, "duplicate: every column equals the usage row already loaded from line 2 of usage-2026-10.csv");
        assertReject(usage, 11, "duplicate: every column equals the usage row already loaded from line 10 of this file");
        assertReject(usage, 13, "overlaps hourly usage: daily row for /subscriptions/");
        assertThat(usage.get(13L).reason()).contains(" on 2026-10-03, which has hourly rows that day");
        assertReject(usage, 14, "UsageDate '2026-10-05T05:30:00Z' is a date-time that is not on the hour");
        assertReject(usage, 15, "CustomerId '../../x' is not allowed");
        for (Reject r : usage.values()) {
            assertThat(r.rawLine()).as("raw line " + r.line()).isEqualTo(usageLines.get((int) r.line() - 1));
        }
        assertCodes("usage-bad.csv", Map.ofEntries(Map.entry(2L, "MISSING_FIELD"), Map.entry(3L, "MALFORMED_FIELD"),
                Map.entry(4L, "MALFORMED_FIELD"), Map.entry(5L, "MALFORMED_FIELD"), Map.entry(6L, "UNKNOWN_CUSTOMER"),
                Map.entry(7L, "NEGATIVE_QUANTITY"), Map.entry(8L, "TOO_MANY_HOURS"), Map.entry(9L, "DUPLICATE"),
                Map.entry(11L, "DUPLICATE"), Map.entry(13L, "OVERLAPS_HOURLY_USAGE"), Map.entry(14L, "MALFORMED_FIELD"), Map.entry(15L, "UNSAFE_ID")));

        assertThat(rejectsFile(out, lastRun, "usage-bom-crlf.csv")).as("no rejects, no file").doesNotExist();
    }

    private static void assertReject(Map<Long, Reject> rejects, long line, String reasonPrefix) {
        assertThat(rejects).containsKey(line);
        // The Reason cell starts with the contract's words for the reason, then the explanation.
        assertThat(rejects.get(line).reason()).as("reason of line " + line)
                .matches(r -> r.startsWith(reasonPrefix) || r.matches("[a-zA-Z ]+: " + java.util.regex.Pattern.quote(reasonPrefix) + "(?s).*"));
    }

    /** The stored reason codes of one file's rejected rows, by line. */
    private void assertCodes(String fileName, Map<Long, String> expected) {
        Map<Long, String> codes = new java.util.TreeMap<>();
        jdbc.query("SELECT r.line_number, r.reason_code FROM rejected_row r JOIN input_file f ON f.id = r.file_id "
                + "WHERE f.file_name = ?", rs -> {
                    codes.put(rs.getLong(1), rs.getString(2));
                }, fileName);
        assertThat(codes).as(fileName).isEqualTo(new java.util.TreeMap<>(expected));
    }

    private void assertBadRowsThatLoad() {
        assertThat(jdbc.queryForObject("SELECT customer_name FROM customer WHERE customer_id = 'tailspin'", String.class))
                .isEqualTo("Tailspin Toys, Europe\n(Lyon office)");
        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(4);
        List<Map<String, Object>> tailspin = jdbc.queryForList("SELECT l.region, l.resource_uri, r.quantity, r.slot_start, "
                + "r.slot_hours FROM " + UsageRows.table(jdbc) + " r JOIN usage_line l ON l.id = r.line_id WHERE r.customer_id = 'tailspin' "
                + "ORDER BY l.resource_uri, r.slot_start");
        assertThat(tailspin).hasSize(5);
        assertThat(tailspin).extracting(m -> m.get("region")).containsOnly("westeurope");
        assertThat(tailspin).extracting(m -> instant(m.get("slot_start"))).containsExactly(
                Instant.parse("2026-10-10T10:00:00Z"), Instant.parse("2026-10-10T11:00:00Z"),
                Instant.parse("2026-10-10T12:00:00Z"), Instant.parse("2026-10-10T13:00:00Z"),
                Instant.parse("2026-10-10T10:00:00Z"));
        assertThat((BigDecimal) tailspin.get(4).get("quantity")).as("scale set").isEqualByComparingTo("3");
        assertThat(tailspin.get(4).get("resource_uri")).asString().endsWith("/virtualmachinescalesets/tailspin-vmss");
        assertThat(count("SELECT COUNT(*) FROM " + UsageRows.table(jdbc) + " r JOIN input_file f ON f.id = r.file_id WHERE "
                + "f.file_name = 'usage-bad.csv' AND r.line_number = 13")).as("usage-bad.csv line 13 overlaps hourly usage: "
                + "not loaded").isZero();
        assertThat(count("SELECT COUNT(*) FROM reservation WHERE reservation_id = '20000000-0000-4000-8000-000000000024'"))
                .as("reservations-bad.csv line 6, an exchange below the remaining commitment, is rejected").isZero();
        // The refused change left reservation #1 as it was.
        assertThat(jdbc.queryForObject("SELECT quantity FROM reservation WHERE reservation_id = "
                + "'20000000-0000-4000-8000-000000000001'", BigDecimal.class)).isEqualByComparingTo("2");
        assertThat(UsageRows.count(jdbc)).isEqualTo(12_671 + 5);
    }

    @Test
    void aUsageHeaderWithoutQuantityStopsTheWholeImportBeforeAnyRowLoads() throws Exception {
        CliHarness.Result result = cli.run(out, "import", "--input", SAMPLE.toString(), SAMPLE.resolve("bad-header").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("usage-missing-quantity.csv: missing required column Quantity")
                .contains("Nothing was loaded");
        assertThat(result.lastRun().get("status").asText()).isEqualTo("INVALID");
        assertThat(result.lastRun().get("exitCode").asInt()).isEqualTo(2);
        assertThat(result.lastRun().get("files")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM input_file")).isZero();
        assertThat(count("SELECT COUNT(*) FROM isf_ratio")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer")).isZero();
        assertThat(UsageRows.count(jdbc)).isZero();
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).as("no job started").isZero();

        CliHarness.Result alone = cli.run(out, "import", "--input", SAMPLE.resolve("bad-header").toString());
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("missing required column Quantity");
    }

    @Test
    void aCsvWithInvalidUtf8FarDownIsRefusedBeforeAnyRowLoads() throws Exception {
        Path inbox = out.resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(SAMPLE.resolve("customers.csv"), inbox.resolve("customers.csv"));
        Path usage = inbox.resolve("usage-2026-10.csv");
        Files.copy(SAMPLE.resolve("usage-2026-10.csv"), usage);
        try (OutputStream append = Files.newOutputStream(usage, java.nio.file.StandardOpenOption.APPEND)) {
            append.write("contoso,broken \u00e9".getBytes(StandardCharsets.UTF_8));
            append.write(new byte[] {(byte) 0xE9, '\n'}); // a Latin-1 é
        }

        CliHarness.Result result = cli.run(out, "import", "--input", inbox.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("usage-2026-10.csv: line 12673 is not valid UTF-8 text");
        assertThat(UsageRows.count(jdbc)).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer")).isZero();
    }

    @Test
    void reservationsAndCustomersAsXlsxWithDateAndTextCells() throws Exception {
        Path inbox = out.resolve("xlsx");
        Files.createDirectories(inbox);
        Files.copy(Path.of("src/test/resources/import/good/isf-small.csv"), inbox.resolve("isf.csv"));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Customers");
            row(sheet, 0, "CustomerId", "CustomerName", "BillingCurrency", "PaygMarkupPct", "ReservationMarkupPct", "ResellerId");
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("contoso");
            r.createCell(1).setCellValue("Contoso, Ltd");
            r.createCell(2).setCellValue("USD");
            r.createCell(3).setCellValue(10);
            r.createCell(4).setCellValue(5.5);
            r.createCell(5).setCellValue(5123456);
            try (OutputStream os = Files.newOutputStream(inbox.resolve("customers.xlsx"))) {
                wb.write(os);
            }
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("Reservations");
            // Columns in another order than the contract lists them, and in another case.
            row(sheet, 0, "reservationid", "ReservationOrderId", "CustomerId", "SkuName", "Region", "Quantity", "Term",
                    "BillingPlan", "ScopeType", "ScopeSubscriptionId", "ScopeResourceGroup", "BenefitStart", "Expiry",
                    "TotalPrice", "PricingCurrency", "InstanceFlexibility");
            Row r = row(sheet, 1, "res-x1", "ORDER-X1", "contoso", "Standard_D4s_v3", "West Europe", null, "P1Y", "Monthly",
                    "ResourceGroup", "C0A1-0001", "RG-Data", null, null, null, "USD", "Off");
            r.createCell(5).setCellValue(2);
            r.createCell(11).setCellValue(LocalDateTime.of(2026, 10, 14, 13, 0));
            r.getCell(11).setCellStyle(dateTime);
            r.createCell(12).setCellValue(LocalDateTime.of(2027, 10, 1, 0, 0));
            r.getCell(12).setCellStyle(date);
            r.createCell(13).setCellValue(2086.5);
            // Sheet row 3 is empty; row 4 is bad and must be reported as line 4.
            Row bad = row(sheet, 3, "res-x2", "ORDER-X2", "contoso", "Standard_D4s_v3", "westeurope", "1", "P2Y", "Upfront",
                    "Shared", "", "", "2026-10-14T13:00:00Z", "", "100", "USD", "");
            try (OutputStream os = Files.newOutputStream(inbox.resolve("reservations.xlsx"))) {
                wb.write(os);
            }
        }

        CliHarness.Result result = cli.run(out, "import", "--input", inbox.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertCounts(result.lastRun(), "customers.xlsx", 1, 1, 0, 0, 0);
        assertCounts(result.lastRun(), "reservations.xlsx", 2, 1, 1, 0, 0);
        Map<String, Object> c = jdbc.queryForMap("SELECT * FROM customer WHERE customer_id = 'contoso'");
        assertThat(c.get("customer_name")).isEqualTo("Contoso, Ltd");
        assertThat((BigDecimal) c.get("reservation_markup_pct")).isEqualByComparingTo("5.5");
        assertThat(c.get("reseller_id")).as("a numeric cell read as its digits").isEqualTo("5123456");

        Map<String, Object> res = jdbc.queryForMap("SELECT * FROM reservation WHERE reservation_id = 'res-x1'");
        assertThat(res.get("reservation_order_id")).isEqualTo("order-x1");
        assertThat(res.get("sku_name")).isEqualTo("standard_d4s_v3");
        assertThat(res.get("region")).isEqualTo("westeurope");
        assertThat((BigDecimal) res.get("quantity")).isEqualByComparingTo("2");
        assertThat(res.get("scope_type")).isEqualTo("ResourceGroup");
        assertThat(res.get("scope_subscription_id")).isEqualTo("c0a1-0001");
        assertThat(res.get("scope_resource_group")).isEqualTo("rg-data");
        assertThat(res.get("instance_flexibility")).isIn(false, 0, (byte) 0);
        assertThat(instant(res.get("benefit_start"))).as("a date-time cell is UTC").isEqualTo(Instant.parse("2026-10-14T13:00:00Z"));
        assertThat(instant(res.get("expiry"))).as("a date cell is 00:00 UTC").isEqualTo(Instant.parse("2027-10-01T00:00:00Z"));
        assertThat((BigDecimal) res.get("total_price")).isEqualByComparingTo("2086.5");
        assertThat(res.get("reseller_id")).as("inherited from the customer").isEqualTo("5123456");
        assertThat(((Number) res.get("line_number")).longValue()).isEqualTo(2);

        Map<Long, Reject> rejected = rejects(rejectsFile(out, result.lastRun(), "reservations.xlsx"));
        assertThat(rejected.keySet()).containsExactly(4L);
        assertThat(rejected.get(4L).reason()).isEqualTo("malformed field: Term 'P2Y' must be one of P1Y, P3Y");
        assertThat(rejected.get(4L).rawLine()).startsWith("res-x2,ORDER-X2,contoso,Standard_D4s_v3,westeurope,1,P2Y,");

        // The same workbook again: nothing twice.
        CliHarness.Result again = cli.run(out, "import", "--input", inbox.toString());
        assertCounts(again.lastRun(), "reservations.xlsx", 2, 0, 1, 1, 0);
        assertThat(count("SELECT COUNT(*) FROM reservation")).isEqualTo(1);
    }

    private static Row row(Sheet sheet, int index, String... texts) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                row.createCell(i).setCellValue(texts[i]);
            }
        }
        return row;
    }
}
