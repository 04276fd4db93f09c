package dev.ribilling.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes {@code out/<YYYY-MM>/reconciliation-<YYYY-MM>.xlsx} (contract section 5) with SXSSF: only
 * {@link #ROW_WINDOW} rows per sheet are in memory, the rest go to compressed temporary files, so 25,000
 * reservations and 100,000 uncovered-usage rows fit in a small heap. Each sheet's rows are read from its
 * {@link RowSource} while the sheet is written, and the source is closed before the next one opens.
 *
 * <p>The workbook is written to a temporary file beside the target and moved into place at the end, so a reader
 * never sees half a workbook and a failed run leaves the previous one untouched.
 */
public final class ReconciliationWorkbookWriter {

    public static final String SUMMARY = "Summary";
    public static final String UTILIZATION = "Utilization";
    public static final String UNCOVERED_USAGE = "Uncovered usage";
    public static final String VARIANCE = "Variance";
    public static final String ALERTS = "Alerts";
    public static final String RECOMMENDATIONS = "Recommendations";
    public static final String REJECTED_ROWS = "Rejected rows";
    public static final String RUN_INFO = "Run info";
    /** The chart's data, kept last so the sheets the contract names come first and in its order. */
    public static final String DAILY_UTILIZATION = "Daily utilization";

    public static final List<String> SHEET_NAMES = List.of(SUMMARY, UTILIZATION, UNCOVERED_USAGE, VARIANCE, ALERTS,
            RECOMMENDATIONS, REJECTED_ROWS, RUN_INFO, DAILY_UTILIZATION);

    /** Rows per sheet kept in memory; the table writer never goes back to an earlier row. */
    static final int ROW_WINDOW = 100;

    /** The file name the report job writes into {@code out/<YYYY-MM>/}. */
    public static String fileName(YearMonth period) {
        return "reconciliation-" + period + ".xlsx";
    }

    public void write(Path target, ReconciliationData data) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = directory.resolve(target.getFileName() + ".tmp");
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
        // Temporary sheet files stay uncompressed: gzip cost about a fifth of the write time for little gain, as
        // the raw XML of even a 100,000-row sheet is a few tens of MB of temporary disk.
        workbook.setCompressTempFiles(false);
        try {
            fill(workbook, data);
            try (OutputStream out = Files.newOutputStream(temp)) {
                workbook.write(out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        } finally {
            workbook.dispose();
            workbook.close();
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void fill(SXSSFWorkbook workbook, ReconciliationData data) {
        for (String name : SHEET_NAMES) {
            workbook.createSheet(name);
        }
        TableWriter table = new TableWriter(new WorkbookStyles(workbook));
        BigDecimal threshold = data.utilizationThreshold();

        int summaryRows = table.write(sheet(workbook, SUMMARY), SheetColumns.SUMMARY, data.summary().stream());
        highlightBelow(sheet(workbook, SUMMARY), SheetColumns.SUMMARY_UTILIZATION_COLUMN, summaryRows, threshold);

        SXSSFSheet utilization = sheet(workbook, UTILIZATION);
        int reservations = write(table, utilization, SheetColumns.UTILIZATION, data.utilization());
        highlightBelow(utilization, SheetColumns.UTILIZATION_COLUMN, reservations, threshold);

        List<DailyUtilizationSeries.Day> days;
        try (Stream<DailyUtilizationPoint> points = data.dailyUtilization().open()) {
            days = DailyUtilizationSeries.of(data.period(), points.iterator(), threshold);
        }
        SXSSFSheet daily = sheet(workbook, DAILY_UTILIZATION);
        table.write(daily, SheetColumns.DAILY_UTILIZATION, days.stream());
        highlightBelow(daily, SheetColumns.DAILY_UTILIZATION_COLUMN, days.size(), threshold);
        UtilizationChart.add(utilization, SheetColumns.UTILIZATION.size() + 1, DAILY_UTILIZATION, days, threshold);

        write(table, sheet(workbook, UNCOVERED_USAGE), SheetColumns.UNCOVERED_USAGE, data.uncoveredUsage());
        write(table, sheet(workbook, VARIANCE), SheetColumns.VARIANCE, data.variance());
        write(table, sheet(workbook, ALERTS), SheetColumns.ALERTS, data.alerts());
        write(table, sheet(workbook, RECOMMENDATIONS), SheetColumns.RECOMMENDATIONS, data.recommendations());
        write(table, sheet(workbook, REJECTED_ROWS), SheetColumns.REJECTED_ROWS, data.rejectedRows());
        table.write(sheet(workbook, RUN_INFO), SheetColumns.RUN_INFO,
                SheetColumns.RunInfoLine.of(data.runInfo(), data.period(), threshold).stream());
        workbook.setActiveSheet(0);
    }

    private static <T> int write(TableWriter table, SXSSFSheet sheet, List<Column<T>> columns, RowSource<T> source) {
        try (Stream<T> rows = source.open()) {
            return table.write(sheet, columns, rows);
        }
    }

    private static SXSSFSheet sheet(SXSSFWorkbook workbook, String name) {
        return workbook.getSheet(name);
    }

    /**
     * A conditional format, so the highlight follows the value if finance edits a cell or changes the threshold
     * rule in Excel. ISNUMBER keeps empty cells (no capacity) from counting as 0 %.
     */
    static void highlightBelow(Sheet sheet, int column, int rows, BigDecimal threshold) {
        if (rows == 0) {
            return;
        }
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        String firstCell = CellReference.convertNumToColString(column) + "2";
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(
                "AND(ISNUMBER(" + firstCell + ")," + firstCell + "<" + threshold.toPlainString() + ")");
        PatternFormatting fill = rule.createPatternFormatting();
        fill.setFillBackgroundColor(WorkbookStyles.HIGHLIGHT_COLOR);
        fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
        FontFormatting font = rule.createFontFormatting();
        font.setFontColorIndex(IndexedColors.DARK_RED.getIndex());
        formatting.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(1, rows, column, column)}, rule);
    }
}
