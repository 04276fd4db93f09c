package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The only way the invoice and reseller-summary workbooks put values into cells, so the security and
 * number rules hold everywhere:
 * <ul>
 * <li>text is always a string cell ({@code setCellValue(String)} never creates a formula), and text that
 * the contract calls risky (first character {@code = + - @}, tab or CR, the same test as
 * {@link InvoiceCsv#text}) also gets a quote-prefixed style, so Excel keeps it text even after a user
 * edits the cell;</li>
 * <li>numbers are numeric cells; amounts carry their currency's minor units as the number format;</li>
 * <li>no method writes a formula: totals are computed in Java, so readers that do not evaluate formulas
 * see them.</li>
 * </ul>
 * Styles are created once per workbook (Excel allows about 64,000), hence one instance per workbook.
 */
final class InvoiceWorkbookCells {

    /** Excel's hard limit for the text of one cell; POI refuses longer strings. */
    static final int MAX_TEXT_LENGTH = 32_767;

    /** Unit prices are informational with up to {@link InvoiceCsv#UNIT_PRICE_DECIMALS} decimals, at least two. */
    private static final String UNIT_PRICE_FORMAT = "#,##0.00" + "#".repeat(InvoiceCsv.UNIT_PRICE_DECIMALS - 2);

    private final Workbook workbook;
    private final CellStyle plainText;
    private final CellStyle quotedText;
    private final CellStyle bold;
    private final CellStyle title;
    private final CellStyle columnHeader;
    private final CellStyle date;
    private final CellStyle quantity;
    private final CellStyle unitPrice;
    private final CellStyle integer;
    private final Map<Integer, CellStyle> amountByDecimals = new HashMap<>();
    private final Map<Integer, CellStyle> boldAmountByDecimals = new HashMap<>();

    InvoiceWorkbookCells(Workbook workbook) {
        this.workbook = workbook;
        this.plainText = workbook.createCellStyle();
        this.quotedText = workbook.createCellStyle();
        quotedText.setQuotePrefixed(true);
        this.bold = boldStyle(0);
        this.title = boldStyle(14);
        this.columnHeader = boldStyle(0);
        columnHeader.setBorderBottom(BorderStyle.THIN);
        this.date = numberStyle("yyyy-mm-dd");
        // General shows 3 instances as "3" and 24.5 hours as "24.5" without a dangling decimal point.
        this.quantity = numberStyle("General");
        this.unitPrice = numberStyle(UNIT_PRICE_FORMAT);
        this.integer = numberStyle("0");
    }

    /** The Excel number format for amounts in a currency: its minor units, e.g. "#,##0" for JPY. */
    static String amountFormat(Currency currency) {
        int decimals = Money.minorUnits(currency);
        return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }

    static boolean isRiskyText(String value) {
        return value != null && !InvoiceCsv.text(value).equals(value);
    }

    /** Text as a string cell; null becomes an empty cell. Every cell with input text goes through here. */
    Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        if (value == null || value.isEmpty()) {
            return cell;
        }
        cell.setCellValue(value.length() > MAX_TEXT_LENGTH ? value.substring(0, MAX_TEXT_LENGTH) : value);
        if (isRiskyText(value)) {
            cell.setCellStyle(quotedText);
        } else {
            cell.setCellStyle(plainText);
        }
        return cell;
    }

    /** A label in bold. */
    Cell label(Row row, int column, String value) {
        return emphasised(row, column, value, bold);
    }

    Cell title(Row row, int column, String value) {
        return emphasised(row, column, value, title);
    }

    Cell columnHeader(Row row, int column, String value) {
        return emphasised(row, column, value, columnHeader);
    }

    /** A rounded amount as a number with its currency's minor units; null leaves the cell empty. */
    Cell amount(Row row, int column, Money rounded) {
        return amount(row, column, rounded, false);
    }

    /** A subtotal or total: like {@link #amount} but bold. */
    Cell totalAmount(Row row, int column, Money rounded) {
        return amount(row, column, rounded, true);
    }

    Cell quantity(Row row, int column, BigDecimal value) {
        return number(row, column, value, quantity);
    }

    Cell unitPrice(Row row, int column, BigDecimal value) {
        return number(row, column, value, unitPrice);
    }

    Cell integer(Row row, int column, long value) {
        return number(row, column, BigDecimal.valueOf(value), integer);
    }

    /** A date cell (a number to Excel, so it sorts and filters as a date), shown as ISO yyyy-mm-dd. */
    Cell date(Row row, int column, LocalDate value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(date);
        }
        return cell;
    }

    Cell bool(Row row, int column, boolean value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        return cell;
    }

    /** Widths in characters: explicit, because autoSizeColumn needs fonts on the machine and is slow. */
    static void columnWidths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    /** Landscape, one page wide and as many pages tall as the lines need. */
    static void printOnePageWide(Sheet sheet) {
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
    }

    /** Looks only replace the plain style: risky text keeps its quote prefix whatever it is used for. */
    private Cell emphasised(Row row, int column, String value, CellStyle style) {
        Cell cell = text(row, column, value);
        if (!isRiskyText(value) && value != null && !value.isEmpty()) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    private Cell amount(Row row, int column, Money rounded, boolean emphasised) {
        if (rounded == null) {
            return row.createCell(column);
        }
        Map<Integer, CellStyle> styles = emphasised ? boldAmountByDecimals : amountByDecimals;
        CellStyle style = styles.computeIfAbsent(Money.minorUnits(rounded.currency()), decimals -> {
            CellStyle created = emphasised ? boldStyle(0) : workbook.createCellStyle();
            created.setDataFormat(workbook.createDataFormat().getFormat(amountFormat(rounded.currency())));
            return created;
        });
        return number(row, column, rounded.amount(), style);
    }

    /**
     * Excel stores numbers as doubles: exact for every amount an invoice can carry (15 significant digits,
     * i.e. up to 10^13 with two decimals), and the exact decimals stay in the CSV.
     */
    private static Cell number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
        return cell;
    }

    private CellStyle numberStyle(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** @param points font size, or 0 for the workbook's default */
    private CellStyle boldStyle(int points) {
        Font font = workbook.createFont();
        font.setBold(true);
        if (points > 0) {
            font.setFontHeightInPoints((short) points);
        }
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }
}
