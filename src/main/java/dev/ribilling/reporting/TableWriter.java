package dev.ribilling.reporting;

import dev.ribilling.billing.Money;
import dev.ribilling.output.SafeCsvWriter;
import dev.ribilling.pricing.ReportRounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * Writes one table per sheet: a bold header row, frozen, with an auto filter over the whole table and explicit
 * column widths (SXSSF cannot auto-size without keeping every row), then one row per input row as it streams by.
 *
 * <p>Text never becomes a formula: values are set with {@code setCellValue(String)}, which makes a string cell,
 * and nothing here ever calls {@code setCellFormula}. Numbers are numeric cells, rounded once as contract section
 * 5 asks; percentages are fractions with a percent format.
 */
final class TableWriter {

    /** Excel's limit for the text of one cell; longer raw lines are cut with a marker rather than failing. */
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final String CUT_MARKER = "… [cut]";

    private final WorkbookStyles styles;

    TableWriter(WorkbookStyles styles) {
        this.styles = styles;
    }

    /** Writes the table and returns the number of data rows. */
    <T> int write(SXSSFSheet sheet, List<Column<T>> columns, Stream<T> rows) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(styles.header());
            // Width in 1/256 of a character, plus room for the filter button in the header.
            sheet.setColumnWidth(c, Math.min(255, columns.get(c).widthChars() + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        int rowIndex = 0;
        for (Iterator<T> it = rows.iterator(); it.hasNext(); ) {
            T item = it.next();
            rowIndex++;
            if (rowIndex >= SpreadsheetVersion.EXCEL2007.getMaxRows()) {
                throw new IllegalStateException("sheet " + sheet.getSheetName() + " exceeds Excel's row limit");
            }
            Row row = sheet.createRow(rowIndex);
            for (int c = 0; c < columns.size(); c++) {
                writeCell(row, c, columns.get(c), item);
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(0, rowIndex, 0, columns.size() - 1));
        return rowIndex;
    }

    private <T> void writeCell(Row row, int index, Column<T> column, T item) {
        Object value = column.value().apply(item);
        if (value == null) {
            return;
        }
        boolean highlighted = column.highlighted(item);
        Cell cell = row.createCell(index);
        switch (column.kind()) {
            case TEXT -> {
                String text = text(value);
                cell.setCellValue(text);
                cell.setCellStyle(styles.style(CellKind.TEXT, 0, highlighted, looksLikeFormula(text)));
            }
            case MONEY -> {
                Currency currency = column.currencyOf(item);
                int decimals = currency == null ? 2 : Money.minorUnits(currency);
                cell.setCellValue(((BigDecimal) value).setScale(decimals, RoundingMode.HALF_UP).doubleValue());
                cell.setCellStyle(styles.style(CellKind.MONEY, decimals, highlighted, false));
            }
            case UNITS -> numeric(cell, ReportRounding.units((BigDecimal) value), CellKind.UNITS, highlighted);
            case PERCENT -> numeric(cell, ReportRounding.utilization((BigDecimal) value), CellKind.PERCENT, highlighted);
            case RATE -> numeric(cell, (BigDecimal) value, CellKind.RATE, highlighted);
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(styles.style(CellKind.DATE, 0, highlighted, false));
            }
            case INTEGER -> {
                cell.setCellValue(((Number) value).doubleValue());
                cell.setCellStyle(styles.style(CellKind.INTEGER, 0, highlighted, false));
            }
        }
    }

    private void numeric(Cell cell, BigDecimal value, CellKind kind, boolean highlighted) {
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(styles.style(kind, 0, highlighted, false));
    }

    static String text(Object value) {
        String text = value instanceof Currency currency ? currency.getCurrencyCode() : value.toString();
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - CUT_MARKER.length()) + CUT_MARKER;
    }

    /** The contract's formula-injection characters (section 4), as in {@code SafeCsvWriter}. */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && !text.equals(SafeCsvWriter.safeText(text));
    }
}
