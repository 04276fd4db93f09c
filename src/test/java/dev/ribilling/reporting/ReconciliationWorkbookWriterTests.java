package dev.ribilling.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes the small fixture once and reads it back with XSSF, sheet by sheet. */
class ReconciliationWorkbookWriterTests {

    @TempDir
    static Path dir;
    static Path file;
    static XSSFWorkbook workbook;

    @BeforeAll
    static void writeAndReopen() throws IOException {
        file = dir.resolve("2026-10").resolve(ReconciliationWorkbookWriter.fileName(WorkbookFixtures.OCTOBER));
        new ReconciliationWorkbookWriter().write(file, WorkbookFixtures.small());
        workbook = new XSSFWorkbook(Files.newInputStream(file));
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    @Test
    void allSheetsInTheContractsOrderAndNoTemporaryFileLeft() throws IOException {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        assertThat(names).containsExactly("Summary", "Utilization", "Uncovered usage", "Variance", "Alerts",
                "Recommendations", "Rejected rows", "Run info", "Daily utilization");
        assertThat(file.getFileName().toString()).isEqualTo("reconciliation-2026-10.xlsx");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void everySheetHasAFrozenHeaderAFilterAndExplicitWidths() {
        for (Sheet sheet : workbook) {
            XSSFSheet xssf = (XSSFSheet) sheet;
            assertThat(xssf.getPaneInformation().isFreezePane()).as(sheet.getSheetName()).isTrue();
            assertThat(xssf.getPaneInformation().getHorizontalSplitPosition()).as(sheet.getSheetName()).isEqualTo((short) 1);
            assertThat(xssf.getCTWorksheet().getAutoFilter().getRef()).as(sheet.getSheetName()).startsWith("A1:");
            assertThat(xssf.getColumnWidth(0)).as(sheet.getSheetName()).isNotEqualTo(xssf.getDefaultColumnWidth() * 256);
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold())
                    .as(sheet.getSheetName()).isTrue();
        }
        assertThat(workbook.getSheet("Utilization").getColumnWidth(0)).isEqualTo(40 * 256);
    }

    @Test
    void noFormulaCellsAnywhereAndFormulaLookingTextStaysText() {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA);
                }
            }
        }
        Cell evilName = find(workbook.getSheet("Summary"), "CustomerName", WorkbookFixtures.FORMULA_NAME);
        assertThat(evilName.getCellType()).isEqualTo(CellType.STRING);
        assertThat(evilName.getCellStyle().getQuotePrefixed()).isTrue();
        Cell rawLine = find(workbook.getSheet("Rejected rows"), "RawLine", WorkbookFixtures.FORMULA_RAW_LINE);
        assertThat(rawLine.getCellType()).isEqualTo(CellType.STRING);
        assertThat(find(workbook.getSheet("Alerts"), "Message", "@low").getCellType()).isEqualTo(CellType.STRING);
        assertThat(find(workbook.getSheet("Uncovered usage"), "VmSizeOrMeterCategory", "-Standard_D4s_v3")
                .getCellType()).isEqualTo(CellType.STRING);
    }

    @Test
    void textLongerThanExcelAllowsIsCutNotFailed() {
        Cell cut = workbook.getSheet("Rejected rows").getRow(2).getCell(column(workbook.getSheet("Rejected rows"), "RawLine"));
        assertThat(cut.getStringCellValue()).hasSize(TableWriter.MAX_TEXT).endsWith("[cut]");
    }

    @Test
    void summaryNumbersAreNumericRoundedOnceAndTotalsTieOut() {
        Sheet summary = workbook.getSheet("Summary");
        Row contoso = rowWith(summary, "CustomerId", "contoso");
        assertThat(numeric(contoso, summary, "PartnerInvoiceCost")).isEqualTo(1000.00);
        assertThat(numeric(contoso, summary, "PartnerCost")).isEqualTo(1200.00);
        assertThat(numeric(contoso, summary, "Margin")).isEqualTo(300.00);
        assertThat(numeric(contoso, summary, "MarginPct")).isEqualTo(0.2);
        assertThat(numeric(contoso, summary, "Savings")).isEqualTo(250.56);
        assertThat(numeric(contoso, summary, "Utilization")).isEqualTo(0.9);
        assertThat(cell(contoso, summary, "MarginPct").getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        assertThat(cell(contoso, summary, "BilledAmount").getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");

        Row tokyo = rowWith(summary, "CustomerId", "tokyo");
        assertThat(numeric(tokyo, summary, "UsageCost")).isEqualTo(1235.0);
        assertThat(cell(tokyo, summary, "UsageCost").getCellStyle().getDataFormatString()).isEqualTo("#,##0");

        Row eurTotal = rowWith(summary, "CustomerName", "Total EUR");
        assertThat(numeric(eurTotal, summary, "BilledAmount")).isEqualTo(1780.00);
        assertThat(text(eurTotal, summary, "Note")).contains("incomplete");
        Row partner = rowWith(summary, "Level", "PARTNER_TOTAL");
        assertThat(text(partner, summary, "Currency")).isEqualTo("USD");
        assertThat(numeric(partner, summary, "BilledAmount")).isEqualTo(1922.40); // 1,780.00 EUR × 1.08
        assertThat(text(partner, summary, "Note")).contains("without JPY");
    }

    @Test
    void utilizationSheetHasFractionsConditionalFormattingAndAChartWithData() {
        XSSFSheet utilization = workbook.getSheet("Utilization");
        Row resA = rowWith(utilization, "ReservationId", "res-a");
        assertThat(cell(resA, utilization, "Utilization").getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(numeric(resA, utilization, "Utilization")).isEqualTo(0.5);
        assertThat(numeric(resA, utilization, "AmortizedCost")).isEqualTo(100.01);
        assertThat(numeric(resA, utilization, "CapacityUnits")).isEqualTo(744.0);
        Cell termEnd = cell(resA, utilization, "TermEnd");
        assertThat(DateUtil.isCellDateFormatted(termEnd)).isTrue();
        assertThat(termEnd.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2027, 1, 15));

        assertThat(utilization.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
        ConditionalFormatting below = utilization.getSheetConditionalFormatting().getConditionalFormattingAt(0);
        assertThat(below.getFormattingRanges()[0].formatAsString()).isEqualTo("K2:K4");
        assertThat(below.getRule(0).getFormula1()).isEqualTo("AND(ISNUMBER(K2),K2<0.80)");

        List<XSSFChart> charts = utilization.getDrawingPatriarch().getCharts();
        assertThat(charts).hasSize(1);
        XDDFChartData data = charts.get(0).getChartSeries().get(0);
        assertThat(data.getSeriesCount()).isEqualTo(2);
        XDDFChartData.Series used = data.getSeries(0);
        assertThat(used.getValuesData().getPointCount()).isEqualTo(31);
        assertThat(used.getValuesData().getDataRangeReference()).isEqualTo("'Daily utilization'!$D$2:$D$32");
        assertThat(used.getCategoryData().getPointCount()).isEqualTo(31);
        // 3 reservations × 24 h, 22 h used each through the 20th, 12 h after.
        assertThat(used.getValuesData().getPointAt(0).doubleValue()).isCloseTo(22.0 / 24, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(used.getValuesData().getPointAt(30).doubleValue()).isEqualTo(0.5);

        Sheet daily = workbook.getSheet("Daily utilization");
        assertThat(daily.getLastRowNum()).isEqualTo(31);
        assertThat(numeric(daily.getRow(31), daily, "Utilization")).isEqualTo(0.5);
        assertThat(numeric(daily.getRow(31), daily, "CapacityUnits")).isEqualTo(72.0);
    }

    @Test
    void varianceHighlightsDifferencesAndKeepsMicrosoftsTwoDecimals() {
        Sheet variance = workbook.getSheet("Variance");
        Row matched = rowWith(variance, "Status", "MATCHED");
        Row difference = rowWith(variance, "Status", "DIFFERENCE");
        assertThat(numeric(difference, variance, "Difference")).isEqualTo(0.83);
        assertThat(numeric(difference, variance, "PCToBCExchangeRate")).isEqualTo(0.9234567);
        assertThat(cell(difference, variance, "Difference").getCellStyle().getFillForegroundColor())
                .isEqualTo(WorkbookStyles.HIGHLIGHT_COLOR);
        assertThat(cell(matched, variance, "Difference").getCellStyle().getFillForegroundColor())
                .isNotEqualTo(WorkbookStyles.HIGHLIGHT_COLOR);
    }

    @Test
    void alertsRecommendationsRejectsAndRunInfoAreListed() {
        Sheet alerts = workbook.getSheet("Alerts");
        assertThat(text(rowWith(alerts, "CustomerId", "fx-less"), alerts, "Alert")).isEqualTo("CUSTOMER_SKIPPED_FX_RATE");

        Sheet recommendations = workbook.getSheet("Recommendations");
        Row buy = rowWith(recommendations, "Action", "BUY");
        assertThat(numeric(buy, recommendations, "RecommendedQuantity")).isEqualTo(4.0);
        assertThat(numeric(buy, recommendations, "BreakEvenUtilization")).isEqualTo(0.6);
        assertThat(numeric(buy, recommendations, "ExpectedMonthlySavings")).isEqualTo(116.80); // 4 × 0.04 × 730

        Sheet rejected = workbook.getSheet("Rejected rows");
        assertThat(numeric(rejected.getRow(1), rejected, "LineNumber")).isEqualTo(7.0);

        Sheet runInfo = workbook.getSheet("Run info");
        Row input = rowWith(runInfo, "Section", "Input");
        assertThat(text(input, runInfo, "Name")).isEqualTo("in/usage-2026-10.csv");
        assertThat(text(input, runInfo, "Sha256")).hasSize(64);
        assertThat(numeric(input, runInfo, "RowsRejected")).isEqualTo(2.0);
        assertThat(text(rowWith(runInfo, "Name", "ApplicationVersion"), runInfo, "Value")).isEqualTo("0.1.0");
        assertThat(text(rowWith(runInfo, "Name", "billing.partner-currency"), runInfo, "Section")).isEqualTo("Parameter");
    }

    @Test
    void rewritingReplacesTheWorkbookAndAnEmptyPeriodStillHasEveryHeader(@TempDir Path other) throws IOException {
        Path target = other.resolve("reconciliation-2026-10.xlsx");
        Files.writeString(target, "previous");
        new ReconciliationWorkbookWriter().write(target,
                ReconciliationData.builder(WorkbookFixtures.OCTOBER, WorkbookFixtures.runInfo()).build());

        try (XSSFWorkbook empty = new XSSFWorkbook(Files.newInputStream(target))) {
            assertThat(empty.getSheet("Variance").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Status");
            assertThat(empty.getSheet("Utilization").getLastRowNum()).isZero();
            assertThat(empty.getSheet("Utilization").getDrawingPatriarch().getCharts()).hasSize(1);
        }
    }

    private static Cell find(Sheet sheet, String header, String value) {
        return cell(rowWith(sheet, header, value), sheet, header);
    }

    private static Row rowWith(Sheet sheet, String header, String value) {
        int column = column(sheet, header);
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (row.getRowNum() > 0 && cell != null && cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + header + " = " + value + " on " + sheet.getSheetName());
    }

    private static int column(Sheet sheet, String header) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " on " + sheet.getSheetName());
    }

    private static Cell cell(Row row, Sheet sheet, String header) {
        return row.getCell(column(sheet, header));
    }

    private static double numeric(Row row, Sheet sheet, String header) {
        Cell cell = cell(row, sheet, header);
        assertThat(cell.getCellType()).as(header).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }

    private static String text(Row row, Sheet sheet, String header) {
        Cell cell = cell(row, sheet, header);
        assertThat(cell.getCellType()).as(header).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }
}
