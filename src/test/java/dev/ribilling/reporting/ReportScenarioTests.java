package dev.ribilling.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import dev.ribilling.testing.CliHarness;
import dev.ribilling.testing.JobScenario;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The report job on the sample partner month: the workbook the run writes is read back with POI and its key
 * figures checked against the invoice and utilization CSVs of the same run and against hand-computed values.
 */
abstract class ReportScenarioTests extends JobScenario {

    static final Path SAMPLE = Path.of("sample-data");
    static final String PERIOD = "2026-10";


    Path workbookFile() {
        return out.resolve(PERIOD).resolve("reconciliation-" + PERIOD + ".xlsx");
    }

    CliHarness.Result runSample() throws IOException {
        CliHarness.Result run = cli.run(out, "run", "--period", PERIOD, "--input", SAMPLE.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return run;
    }

    @Test
    void summaryBilledAmountsAreTheInvoiceTotalsAndPartnerCostsAreTheHandComputedOnes() throws Exception {
        runSample();
        Map<String, BigDecimal> invoiceTotals = invoiceTotals();
        assertThat(invoiceTotals).containsOnlyKeys("contoso", "fabrikam", "northwind");
        try (XSSFWorkbook workbook = open()) {
            List<Map<String, Cell>> summary = table(workbook.getSheet("Summary"));
            for (Map.Entry<String, BigDecimal> invoice : invoiceTotals.entrySet()) {
                Map<String, Cell> row = customerRow(summary, invoice.getKey());
                assertThat(money(row, "BilledAmount")).as(invoice.getKey()).isEqualByComparingTo(invoice.getValue());
                assertThat(money(row, "Margin")).isEqualByComparingTo(money(row, "BilledAmount")
                        .subtract(money(row, "PartnerInvoiceCost")).subtract(money(row, "UsageCost")));
            }
            // Microsoft's rows of each customer, charged in October (PCToBCExchangeRate 1, in USD):
            // contoso 1640.00 + 173.83; northwind 75.36 + 452.00 (the unknown reservation ...99 is still a cost).
            assertThat(money(customerRow(summary, "contoso"), "PartnerInvoiceCost")).isEqualByComparingTo("1813.83");
            assertThat(money(customerRow(summary, "northwind"), "PartnerInvoiceCost")).isEqualByComparingTo("527.36");
            // fabrikam is billed in EUR: each USD Subtotal at the USD->EUR rate of its ChargeStartDate.
            BigDecimal fabrikam = new BigDecimal("134.33").multiply(new BigDecimal("0.9190"))
                    .add(new BigDecimal("-1193.42").multiply(new BigDecimal("0.9189")))
                    .add(new BigDecimal("-41.63").multiply(new BigDecimal("0.9189")))
                    .add(new BigDecimal("4836.00").multiply(new BigDecimal("0.9189")));
            Map<String, Cell> fabrikamRow = customerRow(summary, "fabrikam");
            assertThat(fabrikamRow.get("Currency").getStringCellValue()).isEqualTo("EUR");
            assertThat(money(fabrikamRow, "PartnerInvoiceCost"))
                    .isEqualByComparingTo(fabrikam.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("3432.36");
            // Partner total in USD: the USD invoices plus the EUR invoices at the period's last rate (30 Oct,
            // only USD->EUR is published, so 1 / 0.9194), rounded once.
            BigDecimal expectedTotal = invoiceTotals.get("contoso").add(invoiceTotals.get("northwind"))
                    .add(invoiceTotals.get("fabrikam").divide(new BigDecimal("0.9194"), java.math.MathContext.DECIMAL128))
                    .setScale(2, RoundingMode.HALF_UP);
            Map<String, Cell> partner = summary.stream().filter(r -> text(r, "Level").equals("PARTNER_TOTAL")).findFirst()
                    .orElseThrow();
            assertThat(text(partner, "Currency")).isEqualTo("USD");
            assertThat(money(partner, "BilledAmount")).isEqualByComparingTo(expectedTotal);
            // The reseller's subtotal repeats its one customer.
            Map<String, Cell> reseller = summary.stream().filter(r -> text(r, "Level").equals("RESELLER")
                    && text(r, "ResellerId").equals("5123456")).findFirst().orElseThrow();
            assertThat(money(reseller, "BilledAmount")).isEqualByComparingTo(invoiceTotals.get("northwind"));
        }
    }

    /**
     * Customer delta moved from reseller R1 to R2 before the month ended; its upfront reservation r-d1 (blank
     * ResellerId) stays with R1, where it was first loaded, and r-d2 names R3. Hand-computed invoices: R1 the purchase
     * 452 x 1.06 = 479.12; R2 the usage 10 h x 0.2016 x 1.15 = 2.32; R3 instalment 521 / 12 x 1.06 = 46.02. The
     * Summary has a delta row and a reseller total per bill-to party, each equal to that party's invoice.
     */
    @Test
    void summaryRowsFollowTheBillToPartyOfEachInvoice() throws Exception {
        Path fixtures = Path.of("src/test/resources/report-resellers");
        assertThat(cli.run(out, "import", "--input", SAMPLE.resolve("isf.csv").toString()).exitCode()).isZero();
        assertThat(cli.run(out, "import", "--input", fixtures.resolve("in1").toString()).exitCode()).isZero();
        CliHarness.Result run = cli.run(out, "run", "--period", PERIOD, "--input", fixtures.resolve("in2").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        try (XSSFWorkbook workbook = open()) {
            List<Map<String, Cell>> summary = table(workbook.getSheet("Summary"));
            Map<String, BigDecimal> customerRows = new java.util.TreeMap<>();
            Map<String, BigDecimal> resellerTotals = new java.util.TreeMap<>();
            for (Map<String, Cell> row : summary) {
                if (text(row, "Level").equals("CUSTOMER")) {
                    assertThat(text(row, "CustomerId")).isEqualTo("delta");
                    customerRows.put(text(row, "ResellerId"), money(row, "BilledAmount"));
                } else if (text(row, "Level").equals("RESELLER")) {
                    resellerTotals.put(text(row, "ResellerId"), money(row, "BilledAmount"));
                }
            }
            assertThat(customerRows).containsOnlyKeys("R1", "R2", "R3");
            assertThat(customerRows.get("R1")).isEqualByComparingTo("479.12");
            assertThat(customerRows.get("R2")).isEqualByComparingTo("2.32");
            assertThat(customerRows.get("R3")).isEqualByComparingTo("46.02");
            assertThat(resellerTotals).containsOnlyKeys("R1", "R2", "R3");
            resellerTotals.forEach((reseller, total) -> assertThat(total).as(reseller)
                    .isEqualByComparingTo(customerRows.get(reseller)));
        }
    }

    @Test
    void utilizationPerReservationIsTheUtilizationCsvAndTheChartHasTheMonth() throws Exception {
        runSample();
        List<String[]> csv = readCsv(out.resolve(PERIOD).resolve("utilization-" + PERIOD + ".csv"));
        String[] header = csv.get(0);
        try (XSSFWorkbook workbook = open()) {
            List<Map<String, Cell>> sheet = table(workbook.getSheet("Utilization"));
            assertThat(sheet).hasSize(csv.size() - 1).hasSize(10);
            for (int i = 1; i < csv.size(); i++) {
                Map<String, String> expected = new LinkedHashMap<>();
                for (int c = 0; c < header.length; c++) {
                    expected.put(header[c], csv.get(i)[c]);
                }
                Map<String, Cell> row = sheet.get(i - 1);
                String id = expected.get("ReservationId");
                assertThat(text(row, "ReservationId")).isEqualTo(id);
                assertThat(text(row, "CustomerId")).isEqualTo(expected.get("CustomerId"));
                assertThat(text(row, "Currency")).isEqualTo(expected.get("Currency"));
                assertThat(number(row, "CapacityUnits", 6)).as(id).isEqualByComparingTo(expected.get("CapacityUnits"));
                assertThat(number(row, "UsedUnits", 6)).as(id).isEqualByComparingTo(expected.get("UsedUnits"));
                assertThat(number(row, "Utilization", 4)).as(id).isEqualByComparingTo(expected.get("Utilization"));
                for (String money : List.of("AmortizedCost", "PaygEquivalent", "Savings")) {
                    assertThat(number(row, money, 2)).as(id + " " + money).isEqualByComparingTo(expected.get(money));
                }
            }
            // Hand-computed (sample-data/README.md): #3 225.9167 h x 4 units of 734.75 h x 4 = 30.75 %.
            assertThat(number(sheet.get(2), "Utilization", 4)).isEqualByComparingTo("0.3075");

            List<XSSFChart> charts = workbook.getSheet("Utilization").getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            XDDFChartData.Series series = charts.get(0).getChartSeries().get(0).getSeries(0);
            assertThat(series.getCategoryData().getPointCount()).isEqualTo(31);
            List<Map<String, Cell>> daily = table(workbook.getSheet("Daily utilization"));
            assertThat(daily).hasSize(31);
            for (Map<String, Cell> day : daily) {
                assertThat(day.get("Utilization").getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(day.get("CapacityUnits").getNumericCellValue()).isPositive();
            }
        }
    }

    @Test
    void varianceAlertsRunInfoAndNoFormulas() throws Exception {
        runSample();
        try (XSSFWorkbook workbook = open()) {
            List<Map<String, Cell>> variance = table(workbook.getSheet("Variance"));
            assertThat(variance).hasSize(8);
            Map<String, Cell> tooHigh = byOrder(variance, "10000000-0000-4000-8000-000000000009");
            assertThat(text(tooHigh, "Status")).isEqualTo("DIFFERENCE");
            assertThat(number(tooHigh, "Expected", 2)).isEqualByComparingTo("75.33");
            assertThat(number(tooHigh, "Subtotal", 2)).isEqualByComparingTo("75.36");
            assertThat(number(tooHigh, "Difference", 2)).isEqualByComparingTo("0.03");
            Map<String, Cell> unknown = byOrder(variance, "10000000-0000-4000-8000-000000000099");
            assertThat(text(unknown, "Status")).isEqualTo("MISSING_OURS");
            assertThat(number(unknown, "Subtotal", 2)).isEqualByComparingTo("452.00");
            // #6's refund, ROUNDDOWN toward zero: -min(3400, 3025) x 144 / 365 = -1193.4247 -> -1193.42.
            Map<String, Cell> refund = byOrder(variance, "10000000-0000-4000-8000-000000000006");
            assertThat(text(refund, "Status")).isEqualTo("MATCHED");
            assertThat(number(refund, "Expected", 2)).isEqualByComparingTo("-1193.42");
            assertThat(variance.stream().filter(r -> text(r, "Status").equals("MATCHED"))).hasSize(6);

            List<Map<String, Cell>> alerts = table(workbook.getSheet("Alerts"));
            List<String> kinds = alerts.stream().map(r -> text(r, "Alert") + " #" + suffix(text(r, "ReservationId"))).toList();
            assertThat(kinds).contains("LOW_UTILIZATION_30_DAYS #3", "LOW_UTILIZATION_30_DAYS #7",
                    "LOW_UTILIZATION_30_DAYS #10", "LOW_UTILIZATION_7_DAYS #3", "LOW_UTILIZATION_7_DAYS #10",
                    "NEGATIVE_SAVINGS #3", "NEGATIVE_SAVINGS #7", "NEGATIVE_SAVINGS #10");
            // #7 ended on 16 Oct: no capacity in the last 7 days, so no 7-day alert.
            assertThat(kinds).doesNotContain("LOW_UTILIZATION_7_DAYS #7", "LOW_UTILIZATION_30_DAYS #1");

            List<Map<String, Cell>> runInfo = table(workbook.getSheet("Run info"));
            List<Map<String, Cell>> inputs = runInfo.stream().filter(r -> text(r, "Section").equals("Input")).toList();
            assertThat(inputs).hasSize(7);
            for (String name : List.of("customers.csv", "reservations.csv", "prices.csv", "isf.csv", "fx-rates.csv",
                    "usage-2026-10.csv", "partner-invoice-2026-10.csv")) {
                Map<String, Cell> input = inputs.stream().filter(r -> text(r, "Name").endsWith(name)).findFirst()
                        .orElseThrow();
                assertThat(text(input, "Sha256")).as(name).isEqualTo(sha256(SAMPLE.resolve(name)));
                assertThat(input.get("RowsLoaded").getNumericCellValue()).as(name).isPositive();
            }
            Map<String, Cell> usage = inputs.stream().filter(r -> text(r, "Name").endsWith("usage-2026-10.csv"))
                    .findFirst().orElseThrow();
            assertThat(usage.get("RowsRead").getNumericCellValue()).isEqualTo(12671);
            assertThat(runInfo.stream().anyMatch(r -> text(r, "Name").equals("Period") && text(r, "Value").equals(PERIOD)))
                    .isTrue();

            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            assertThat(table(workbook.getSheet("Uncovered usage"))).isNotEmpty();
            assertThat(table(workbook.getSheet("Recommendations"))).isNotEmpty();
        }
    }

    @Test
    void rejectedRowsOfTheBadFilesAreListed() throws Exception {
        runSample();
        CliHarness.Result bad = cli.run(out, "import", "--input", SAMPLE.resolve("bad").toString());
        assertThat(bad.exitCode()).isZero();
        assertThat(cli.run(out, "report", "--period", PERIOD).exitCode()).isZero();
        try (XSSFWorkbook workbook = open()) {
            List<Map<String, Cell>> rejected = table(workbook.getSheet("Rejected rows"));
            // The rows of each rejects file the import wrote (rejects and duplicates), file by file.
            long total = 0;
            for (var file : bad.lastRun().get("files")) {
                String name = Path.of(file.get("path").asText()).getFileName().toString();
                Path rejects = out.resolve("rejects").resolve(name + "." + file.get("sha256").asText().substring(0, 12)
                        + ".rejects.csv");
                long expected = file.get("rowsRejected").asLong() + file.get("rowsDuplicate").asLong();
                assertThat(expected).isEqualTo(Files.exists(rejects) ? readCsv(rejects).size() - 1 : 0);
                total += expected;
                assertThat(rejected.stream().filter(r -> text(r, "File").equals(name))).as(name).hasSize((int) expected);
            }
            assertThat(rejected).hasSize((int) total);
            assertThat(rejected.stream().filter(r -> text(r, "File").equals("customers-bad.csv"))).hasSize(5);
            Map<String, Cell> unsafe = rejected.stream().filter(r -> text(r, "File").equals("customers-bad.csv")
                    && r.get("LineNumber").getNumericCellValue() == 8).findFirst().orElseThrow();
            assertThat(text(unsafe, "FileSha256")).isEqualTo(sha256(SAMPLE.resolve("bad/customers-bad.csv")));
        }
    }

    @Test
    void reportingAgainRewritesTheSameWorkbook() throws Exception {
        runSample();
        Map<String, List<List<String>>> first = values(workbookFile());

        CliHarness.Result again = cli.run(out, "report", "--period", PERIOD);

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("reconciliation: " + workbookFile());
        assertThat(again.lastRun().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(again.lastRun().get("command").asText()).isEqualTo("report");
        assertThat(values(workbookFile())).isEqualTo(first);
        try (Stream<Path> files = Files.list(workbookFile().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("reconciliation-2026-10.xlsx.tmp");
        }
    }

    @Test
    void aBadPeriodIsExitCodeTwoAndAnUnprocessedMonthIsReportedWithWarnings() throws Exception {
        for (String[] args : List.of(new String[] {"report", "--period", "2026-13"}, new String[] {"report", "--period",
                "202610"}, new String[] {"report"})) {
            CliHarness.Result bad = cli.run(out, args);
            assertThat(bad.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(bad.lastRun().get("status").asText()).isEqualTo("INVALID");
            assertThat(bad.lastRun().get("command").asText()).isEqualTo("report");
        }
        assertThat(workbookFile()).doesNotExist();

        assertThat(cli.run(out, "import", "--input", SAMPLE.toString()).exitCode()).isZero();
        CliHarness.Result early = cli.run(out, "report", "--period", PERIOD);

        assertThat(early.exitCode()).as(early.err()).isZero();
        assertThat(early.lastRun().get("warnings").toString()).contains("not matched").contains("no invoice issued");
        assertThat(workbookFile()).exists();
    }

    // --- reading the outputs ---------------------------------------------------------------------------------

    XSSFWorkbook open() throws IOException {
        return new XSSFWorkbook(Files.newInputStream(workbookFile()));
    }

    /** Rows of a sheet by header name. */
    static List<Map<String, Cell>> table(Sheet sheet) {
        Row header = sheet.getRow(0);
        List<Map<String, Cell>> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (Cell h : header) {
                cells.put(h.getStringCellValue(), row.getCell(h.getColumnIndex()));
            }
            rows.add(cells);
        }
        return rows;
    }

    static String text(Map<String, Cell> row, String column) {
        Cell cell = row.get(column);
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }

    static BigDecimal number(Map<String, Cell> row, String column, int scale) {
        Cell cell = row.get(column);
        assertThat(cell).as(column).isNotNull();
        assertThat(cell.getCellType()).as(column).isEqualTo(CellType.NUMERIC);
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(scale, RoundingMode.HALF_UP);
    }

    static BigDecimal money(Map<String, Cell> row, String column) {
        return number(row, column, 2);
    }

    static Map<String, Cell> customerRow(List<Map<String, Cell>> summary, String customerId) {
        return summary.stream().filter(r -> text(r, "Level").equals("CUSTOMER") && text(r, "CustomerId").equals(customerId))
                .findFirst().orElseThrow(() -> new AssertionError("no Summary row for " + customerId));
    }

    static Map<String, Cell> byOrder(List<Map<String, Cell>> variance, String order) {
        return variance.stream().filter(r -> text(r, "ReservationOrderId").equals(order)).findFirst()
                .orElseThrow(() -> new AssertionError("no Variance row for " + order));
    }

    static String suffix(String reservationId) {
        return reservationId.isEmpty() ? "" : Integer.toString(Integer.parseInt(reservationId.substring(reservationId.length() - 2)));
    }

    /** Σ Amount of the latest revision CSV of every invoice, per customer folder. */
    Map<String, BigDecimal> invoiceTotals() throws IOException {
        Map<String, BigDecimal> totals = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(out.resolve(PERIOD).resolve("invoices"))) {
            for (Path csv : files.filter(p -> p.toString().endsWith("-R1.csv")).toList()) {
                List<String[]> rows = readCsv(csv);
                int amount = List.of(rows.get(0)).indexOf("Amount");
                BigDecimal sum = BigDecimal.ZERO;
                for (String[] row : rows.subList(1, rows.size())) {
                    sum = sum.add(new BigDecimal(row[amount]));
                }
                totals.merge(csv.getParent().getFileName().toString(), sum, BigDecimal::add);
            }
        }
        return totals;
    }

    static List<String[]> readCsv(Path file) throws IOException {
        try (CSVReader reader = new CSVReader(Files.newBufferedReader(file))) {
            return reader.readAll();
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Every cell's value as text, sheet by sheet; Run info's lines about this run (time, job, command) left out. */
    static Map<String, List<List<String>>> values(Path workbookFile) throws IOException {
        Map<String, List<List<String>>> values = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(workbookFile))) {
            DataFormatter formatter = new DataFormatter();
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        cells.add(cell.getCellType() == CellType.NUMERIC ? Double.toString(cell.getNumericCellValue())
                                : formatter.formatCellValue(cell));
                    }
                    if (sheet.getSheetName().equals("Run info") && cells.size() > 1
                            && List.of("GeneratedAt", "Job", "Command").contains(cells.get(1))) {
                        continue;
                    }
                    rows.add(cells);
                }
                values.put(sheet.getSheetName(), rows);
            }
        }
        return values;
    }
}
