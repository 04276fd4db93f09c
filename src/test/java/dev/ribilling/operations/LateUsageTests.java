package dev.ribilling.operations;

import dev.ribilling.testing.UsageRows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ribilling.testing.CliHarness;
import dev.ribilling.testing.H2Database;
import dev.ribilling.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Usage that arrives after its month was invoiced (contract section 1, nightly): the sample month is run and
 * invoiced; on 2 November a usage file for 30 October lands in the inbox. The nightly run imports it, moves it to
 * {@code inbox/processed/2026-11-02/}, re-matches the day and raises an alert naming the customer, the month and the
 * amount; the dispute rerun then issues revision 2 whose note holds exactly the hand-computed adjustment, and
 * revision 1's files stay as they were. The same file dropped into the inbox again is not imported twice.
 */
@SpringBootTest(properties = H2Database.URL)
class LateUsageTests {

    private static final String DEV_SUB = "c0a1b2c3-0002-4000-8000-000000000002";
    private static final String HEADER = "UsageDate,CustomerId,SubscriptionId,EntitlementId,ResourceGroup,ResourceURI,"
            + "ResourceLocation,MeterCategory,MeterName,ConsumedService,PricingModel,Quantity,UnitPrice,PricingCurrency,"
            + "BillingCurrency,AdditionalInfo";

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    CliHarness cli;

    @BeforeEach
    void resetDatabase() {
        TestDatabase.reset(jdbc);
        cli = new CliHarness(context);
    }

    /**
     * A Windows D2s_v5 VM of contoso's dev subscription in eastus ran all day on 30 October (24 hourly rows at the
     * Windows PAYG price 0.188). Reservation #1 (2 × D4s_v5 eastus, Shared, instance size flexibility: 8 units) has
     * 2 units free every hour after web-02 was deleted on 18 October (web-01 uses 2 and app-01 4; sql-01 is covered
     * by #2, whose ResourceGroup scope is applied first): the VM (ratio 2) is wholly covered. Covered Windows hours
     * are billed as SoftwareUsage: 24 × (0.188 − 0.096 Linux compute price) × (1 + 10 % PAYG markup) = 2.4288, a new
     * line key (dev subscription, D2s_v5, eastus), so the adjustment is that line rounded: 2.43 USD.
     */
    private static String lateUsage() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int hour = 0; hour < 24; hour++) {
            csv.append(String.format("2026-10-30T%02d:00:00Z,contoso,%s,,rg-dev,/subscriptions/%s/resourceGroups/rg-dev/"
                    + "providers/Microsoft.Compute/virtualMachines/late-win-01,eastus,Virtual Machines,D2s v5,"
                    + "Microsoft.Compute,OnDemand,1,0.188,USD,USD,\"{\"\"ServiceType\"\":\"\"Standard_D2s_v5\"\"}\"%n",
                    hour, DEV_SUB, DEV_SUB).replace("\r\n", "\n"));
        }
        return csv.toString();
    }

    @Test
    void lateUsageRaisesAnAlertIsRematchedAndTheDisputeRerunIssuesTheHandComputedRevision() throws Exception {
        Path out = tmp.resolve("out");
        CliHarness.Result run = cli.run(out, "run", "--period", "2026-10", "--input", "sample-data");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Path invoices = out.resolve("2026-10/invoices/contoso");
        Path r1Csv = invoices.resolve("INV-2026-000001-R1.csv");
        Path r1Xlsx = invoices.resolve("INV-2026-000001-R1.xlsx");
        byte[] r1CsvBefore = Files.readAllBytes(r1Csv);
        byte[] r1XlsxBefore = Files.readAllBytes(r1Xlsx);
        assertThat(new String(r1CsvBefore)).doesNotContain(DEV_SUB + ",Standard_D2s_v5");
        long usageRows = UsageRows.count(jdbc);

        Path inbox = tmp.resolve("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("usage-late-2026-10-30.csv"), lateUsage());

        CliHarness.Result nightly = cli.run(out, "nightly", "--date", "2026-11-02", "--inbox", inbox.toString());

        assertThat(nightly.exitCode()).as(nightly.out() + nightly.err()).isZero();
        assertThat(UsageRows.count(jdbc)).isEqualTo(usageRows + 24);
        // The alert: contoso, the invoiced month and the value of the late rows at UnitPrice (24 × 0.188).
        JsonNode warnings = nightly.lastRun().get("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).get("customerId").asText()).isEqualTo("contoso");
        assertThat(warnings.get(0).get("reason").asText()).contains("late usage for invoiced 2026-10")
                .contains("24 rows worth 4.51 USD").contains("invoice --period 2026-10 --customer contoso --reason");
        assertThat(nightly.out()).contains("alert: contoso: late usage for invoiced 2026-10");
        // October's workbook, written again, lists the alert until the revision is issued.
        assertThat(lateUsageOnTheAlertsSheet(out)).as("LATE_USAGE on October's Alerts sheet").isTrue();
        // The day that received usage and D-1 to D-3 were matched again, month by month.
        assertThat(jdbc.queryForList("SELECT p.parameter_value FROM batch_job_execution_params p JOIN batch_job_execution e "
                + "ON e.job_execution_id = p.job_execution_id JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id "
                + "WHERE i.job_name = 'matchJob' AND p.parameter_name = 'dates' AND e.status = 'COMPLETED' "
                + "ORDER BY e.job_execution_id", String.class)).containsExactly("2026-10-30,2026-10-31", "2026-11-01");
        assertThat(jdbc.queryForObject("SELECT SUM(c.covered_hours) FROM usage_coverage c JOIN usage_line l "
                + "ON l.id = c.line_id WHERE c.customer_id = 'contoso' AND c.usage_date = DATE '2026-10-30' "
                + "AND LOWER(l.resource_uri) LIKE '%/late-win-01'", BigDecimal.class)).isEqualByComparingTo("24");
        // The file was moved aside; the issued invoice is untouched until someone decides.
        assertThat(inbox.resolve("processed/2026-11-02/usage-late-2026-10-30.csv")).hasContent(lateUsage());
        assertThat(regularFiles(inbox)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT MAX(latest_revision) FROM invoice", Integer.class)).isEqualTo(1);
        assertThat(Files.readAllBytes(r1Csv)).isEqualTo(r1CsvBefore);

        CliHarness.Result dispute = cli.run(out, "invoice", "--period", "2026-10", "--customer", "contoso", "--reason",
                "late usage");

        assertThat(dispute.exitCode()).as(dispute.out() + dispute.err()).isZero();
        assertThat(lateUsageOnTheAlertsSheet(out)).as("the revision answers the alert").isFalse();
        BigDecimal expected = new BigDecimal("24").multiply(new BigDecimal("0.188").subtract(new BigDecimal("0.096")))
                .multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_UP);
        assertThat(expected).isEqualByComparingTo("2.43");
        List<String> note = Files.readAllLines(invoices.resolve("INV-2026-000001-R2-note.csv"));
        assertThat(note).as("the note holds one Adjustment").hasSize(2);
        assertThat(note.get(1)).startsWith("INV-2026-000001,2,contoso,,2026-10,Adjustment,")
                .contains("," + DEV_SUB + ",Standard_D2s_v5,eastus,").endsWith("," + expected.toPlainString() + ",USD");
        List<String> r2 = Files.readAllLines(invoices.resolve("INV-2026-000001-R2.csv"));
        assertThat(r2).filteredOn(l -> l.contains(",SoftwareUsage,") && l.contains(DEV_SUB + ",Standard_D2s_v5,eastus,"))
                .singleElement().asString().endsWith(",2.43,USD");
        BigDecimal r1Total = total(1);
        assertThat(total(2)).isEqualByComparingTo(r1Total.add(expected));
        assertThat(jdbc.queryForObject("SELECT adjustment_total FROM invoice_revision WHERE invoice_number = "
                + "'INV-2026-000001' AND revision = 2", BigDecimal.class)).isEqualByComparingTo(expected);
        assertThat(jdbc.queryForObject("SELECT reason FROM invoice_revision WHERE invoice_number = 'INV-2026-000001' "
                + "AND revision = 2", String.class)).isEqualTo("late usage");
        assertThat(Files.readAllBytes(r1Csv)).as("revision 1's CSV is never overwritten").isEqualTo(r1CsvBefore);
        assertThat(Files.readAllBytes(r1Xlsx)).as("revision 1's workbook is never overwritten").isEqualTo(r1XlsxBefore);

        // The same file dropped into the inbox again the next night is recognised by its content and not imported.
        Files.writeString(inbox.resolve("usage-late-2026-10-30.csv"), lateUsage());
        long importRuns = count("SELECT COUNT(*) FROM batch_job_instance WHERE job_name = 'importJob'");
        long files = count("SELECT COUNT(*) FROM import_file_stats");

        CliHarness.Result again = cli.run(out, "nightly", "--date", "2026-11-03", "--inbox", inbox.toString());

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(UsageRows.count(jdbc)).isEqualTo(usageRows + 24);
        assertThat(count("SELECT COUNT(*) FROM batch_job_instance WHERE job_name = 'importJob'")).isEqualTo(importRuns);
        assertThat(count("SELECT COUNT(*) FROM import_file_stats")).isEqualTo(files);
        assertThat(again.lastRun().get("warnings")).as("no second alert").isEmpty();
        assertThat(again.lastRun().get("files")).isEmpty();
        // It is moved out of the inbox, to a folder that says it came again.
        assertThat(inbox.resolve("usage-late-2026-10-30.csv")).doesNotExist();
        assertThat(inbox.resolve("processed/2026-11-03/already-imported/usage-late-2026-10-30.csv")).exists();
        assertThat(jdbc.queryForObject("SELECT MAX(latest_revision) FROM invoice", Integer.class)).isEqualTo(2);
    }

    /**
     * The close day's nightly run reports what the invoice and import commands would: fabrikam bills in EUR and its
     * usage is priced in USD, but the inbox brought no fx-rates file, so fabrikam gets no October invoice and the
     * run says why; the next night a customers file that changes contoso's PAYG markup is listed as a change.
     */
    @Test
    void theCloseDayReportsSkippedCustomersAndTheNextNightItsChangedRows() throws Exception {
        Path out = tmp.resolve("out");
        Path inbox = tmp.resolve("inbox-close");
        Files.createDirectories(inbox);
        try (var files = Files.list(Path.of("sample-data"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv") && !f.getFileName().toString()
                    .startsWith("fx-rates")).toList()) {
                Files.copy(f, inbox.resolve(f.getFileName()));
            }
        }
        CliHarness.Result close = cli.run(out, "nightly", "--date", "2026-11-08", "--inbox", inbox.toString());

        assertThat(close.exitCode()).as(close.out() + close.err()).isZero();
        JsonNode warnings = close.lastRun().get("warnings");
        assertThat(warnings.findValuesAsText("customerId")).contains("fabrikam");
        assertThat(close.out()).contains("invoice: fabrikam: ");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE period = '2026-10' AND customer_id = "
                + "'fabrikam'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE period = '2026-10' AND customer_id = "
                + "'contoso'", Integer.class)).isPositive();

        Files.writeString(inbox.resolve("customers-v2.csv"), "CustomerId,CustomerName,BillingCurrency,PaygMarkupPct,"
                + "ReservationMarkupPct,ResellerId\ncontoso,Contoso Ltd,USD,11,5,\n");
        CliHarness.Result next = cli.run(out, "nightly", "--date", "2026-11-09", "--inbox", inbox.toString());

        assertThat(next.exitCode()).as(next.out() + next.err()).isZero();
        assertThat(next.lastRun().get("warnings").findValuesAsText("reason"))
                .anySatisfy(r -> assertThat(r).contains("contoso").contains("PaygMarkupPct 10 -> 11"));
        assertThat(next.out()).contains("changed: customers contoso changed: PaygMarkupPct 10 -> 11");
    }

    /** Writes October's workbook again and tells whether its Alerts sheet lists the late usage. */
    private boolean lateUsageOnTheAlertsSheet(Path out) throws Exception {
        assertThat(cli.run(out, "report", "--period", "2026-10").exitCode()).isZero();
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                out.resolve("2026-10/reconciliation-2026-10.xlsx").toFile(), null, true)) {
            for (org.apache.poi.ss.usermodel.Row row : workbook.getSheet("Alerts")) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().startsWith("late usage for invoiced 2026-10: 24 rows")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A nightly run that fails after its import completed (here: the inbox cannot be tidied up, because a file named
     * {@code processed} is in the way) is run again: it must still re-match the day that received the late usage (30
     * October is not among D-1 to D-3 on 5 November) and raise the alert once.
     */
    @Test
    void aNightlyThatFailedAfterItsImportStillRematchesTheLateDayWhenRunAgain() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(cli.run(out, "run", "--period", "2026-10", "--input", "sample-data").exitCode()).isZero();
        Path inbox = tmp.resolve("inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("usage-late-2026-10-30.csv"), lateUsage());
        Files.writeString(inbox.resolve("processed"), "in the way");

        CliHarness.Result failed = cli.run(out, "nightly", "--date", "2026-11-05", "--inbox", inbox.toString());

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM usage_coverage c JOIN usage_line l ON l.id = c.line_id "
                + "WHERE LOWER(l.resource_uri) LIKE '%/late-win-01'")).as("imported, not matched yet").isZero();
        Files.delete(inbox.resolve("processed"));

        CliHarness.Result again = cli.run(out, "nightly", "--date", "2026-11-05", "--inbox", inbox.toString());

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT SUM(c.covered_hours) FROM usage_coverage c JOIN usage_line l "
                + "ON l.id = c.line_id WHERE c.usage_date = DATE '2026-10-30' AND LOWER(l.resource_uri) "
                + "LIKE '%/late-win-01'", BigDecimal.class)).as("the late day was matched").isEqualByComparingTo("24");
        assertThat(again.lastRun().get("warnings")).singleElement().satisfies(w -> assertThat(w.get("reason").asText())
                .contains("late usage for invoiced 2026-10: 24 rows worth 4.51 USD"));
        assertThat(inbox.resolve("processed/2026-11-05/usage-late-2026-10-30.csv")).exists();
        assertThat(regularFiles(inbox)).isEmpty();
    }

    /**
     * The state a crash can leave: the night's file already moved to {@code processed/<date>/}, but its import and
     * its record lost (an H2 URL without WRITE_DELAY=0 delays commits 500 ms). Running the night again imports it.
     */
    @Test
    void aFileMovedAsideButNeverRecordedIsImportedWhenTheNightRunsAgain() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(cli.run(out, "run", "--period", "2026-10", "--input", "sample-data").exitCode()).isZero();
        long usageRows = UsageRows.count(jdbc);
        Path inbox = tmp.resolve("inbox");
        Path moved = inbox.resolve("processed/2026-11-02");
        Files.createDirectories(moved);
        Files.writeString(moved.resolve("usage-late-2026-10-30.csv"), lateUsage());

        CliHarness.Result nightly = cli.run(out, "nightly", "--date", "2026-11-02", "--inbox", inbox.toString());

        assertThat(nightly.exitCode()).as(nightly.out() + nightly.err()).isZero();
        assertThat(UsageRows.count(jdbc)).isEqualTo(usageRows + 24);
        assertThat(nightly.lastRun().get("warnings")).singleElement().satisfies(w -> assertThat(w.get("reason").asText())
                .contains("late usage for invoiced 2026-10: 24 rows worth 4.51 USD"));
        assertThat(jdbc.queryForList("SELECT moved_to FROM inbox_file", String.class))
                .containsExactly(moved.resolve("usage-late-2026-10-30.csv").toString());
        assertThat(moved.resolve("usage-late-2026-10-30.csv")).hasContent(lateUsage());
    }

    private BigDecimal total(int revision) {
        return jdbc.queryForObject("SELECT total FROM invoice_revision WHERE invoice_number = 'INV-2026-000001' "
                + "AND revision = ?", BigDecimal.class, revision);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static List<Path> regularFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(Files::isRegularFile).toList());
        }
    }
}
