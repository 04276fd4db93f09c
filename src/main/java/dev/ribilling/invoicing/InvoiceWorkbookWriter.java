package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Renders the xlsx files of contract section 4 that people read: the invoice of one revision
 * ({@code <InvoiceNumber>-R<N>.xlsx}) and, on a revision, its note ({@code <InvoiceNumber>-R<N>-note.xlsx}).
 * The caller chooses the path; this class only renders and writes it atomically.
 *
 * <p>Sheet "Invoice" (or "Note"): a header block, then the line table with the CSV's columns (frozen below
 * its header, with an auto-filter), then subtotals per LineType and the total. Sheet "How computed": one
 * row per line with its {@link InvoiceLine#detail()}. Sums are the rounded line amounts added up in Java
 * and written as numbers, never as formulas, so every reader sees them without evaluating anything.
 */
public final class InvoiceWorkbookWriter {

    public static final String INVOICE_SHEET = "Invoice";
    public static final String NOTE_SHEET = "Note";
    public static final String DETAIL_SHEET = "How computed";

    /** The CSV's line columns (contract section 4) minus those the header block already shows once. */
    public static final List<String> COLUMNS = List.of("LineType", "Description", "ReservationId", "SubscriptionId",
            "SkuName", "Region", "Quantity", "Unit", "UnitPrice", "Amount");
    public static final List<String> DETAIL_COLUMNS = List.of("Invoice row", "LineType", "Description", "Quantity",
            "Unit", "Amount", "How computed");

    private static final int[] WIDTHS = {22, 48, 38, 38, 24, 16, 12, 10, 14, 16};
    private static final int[] DETAIL_WIDTHS = {11, 22, 48, 12, 10, 16, 120};
    private static final int AMOUNT_COLUMN = 9;

    /** The CSV's order for the same lines, grouped by LineType so each group can end in a subtotal. */
    private static final Comparator<InvoiceLine> LINE_ORDER = Comparator.comparing(InvoiceLine::type)
            .thenComparing(InvoiceLine::key);

    /** Writes the invoice of one revision: all its lines, subtotals per LineType and {@link Invoice#total()}. */
    public void writeInvoice(InvoiceDocument document, Path target) throws IOException {
        writeInvoice(document, List.of(), target);
    }

    /**
     * Writes a revision: its full lines, then its Adjustment lines (the change per key since the previous revision,
     * with their own subtotal marked as not part of the total), and {@link Invoice#total()}, the new full total.
     */
    public void writeInvoice(InvoiceDocument document, List<InvoiceLine> adjustments, Path target) throws IOException {
        try (XSSFWorkbook workbook = invoiceWorkbook(document, adjustments)) {
            InvoiceWorkbookFiles.saveAtomically(workbook, target);
        }
    }

    /**
     * Writes the note of a revision: its Adjustment lines and their sum, titled "Credit note" when the sum
     * is below zero and "Debit note" otherwise.
     *
     * @param adjustments the revision's Adjustment lines ({@link InvoiceRevisions.Revision#adjustments()})
     */
    public void writeNote(InvoiceDocument document, List<InvoiceLine> adjustments, Path target) throws IOException {
        try (XSSFWorkbook workbook = noteWorkbook(document, adjustments)) {
            InvoiceWorkbookFiles.saveAtomically(workbook, target);
        }
    }

    /** "Credit note" when the adjustments sum below zero, else "Debit note" (contract section 4). */
    public static String noteTitle(Money adjustmentTotal) {
        return adjustmentTotal.amount().signum() < 0 ? "Credit note" : "Debit note";
    }

    XSSFWorkbook invoiceWorkbook(InvoiceDocument document) {
        return invoiceWorkbook(document, List.of());
    }

    XSSFWorkbook invoiceWorkbook(InvoiceDocument document, List<InvoiceLine> adjustments) {
        Invoice invoice = document.invoice();
        String title = invoice.isCredit() ? "Credit invoice" : "Invoice";
        List<InvoiceLine> lines = new ArrayList<>(invoice.lines());
        for (InvoiceLine adjustment : adjustments) {
            if (!adjustment.isAdjustment()) {
                throw new IllegalArgumentException("not an Adjustment: " + adjustment.key() + " " + adjustment.type());
            }
            lines.add(adjustment);
        }
        return render(document, INVOICE_SHEET, title, lines, invoice.total(), true);
    }

    XSSFWorkbook noteWorkbook(InvoiceDocument document, List<InvoiceLine> adjustments) {
        if (adjustments.isEmpty()) {
            throw new IllegalArgumentException("a note needs at least one Adjustment line");
        }
        Money sum = Money.zero(document.currency());
        for (InvoiceLine line : adjustments) {
            if (!line.isAdjustment() || !line.amount().currency().equals(document.currency())
                    || !line.key().billTo().equals(document.billTo())) {
                throw new IllegalArgumentException("not an Adjustment of this invoice: " + line.key() + " " + line.type());
            }
            sum = sum.plus(line.amount());
        }
        return render(document, NOTE_SHEET, noteTitle(sum), adjustments, sum, false);
    }

    private static XSSFWorkbook render(InvoiceDocument document, String sheetName, String title,
            List<InvoiceLine> unordered, Money total, boolean subtotals) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        InvoiceWorkbookFiles.fixProperties(workbook, document.issueDate(),
                title + " " + document.invoiceNumber() + " R" + document.revision());
        InvoiceWorkbookCells cells = new InvoiceWorkbookCells(workbook);
        List<InvoiceLine> lines = unordered.stream().sorted(LINE_ORDER).toList();

        Sheet sheet = workbook.createSheet(sheetName);
        int headerRow = InvoiceWorkbookHeader.write(cells, sheet, document, title) + 1; // after one blank row
        List<Integer> lineRows = writeTable(cells, sheet, headerRow, lines);
        int next = headerRow + lines.size() + 2; // a blank row keeps subtotals out of the filtered table
        if (subtotals) {
            next = writeSubtotals(cells, sheet, next, lines);
        }
        Row totalRow = sheet.createRow(next);
        cells.label(totalRow, 0, total.amount().signum() < 0 ? "Total (credit)" : "Total");
        cells.label(totalRow, 1, document.currency().getCurrencyCode());
        cells.totalAmount(totalRow, AMOUNT_COLUMN, total);

        InvoiceWorkbookCells.columnWidths(sheet, WIDTHS);
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, headerRow + lines.size(), 0, COLUMNS.size() - 1));
        // Printed copies repeat the column titles on every page.
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        InvoiceWorkbookCells.printOnePageWide(sheet);

        writeDetails(cells, workbook.createSheet(DETAIL_SHEET), lines, lineRows);
        return workbook;
    }

    /** @return the 0-based row of each line, in the order of {@code lines} */
    private static List<Integer> writeTable(InvoiceWorkbookCells cells, Sheet sheet, int headerRow,
            List<InvoiceLine> lines) {
        Row header = sheet.createRow(headerRow);
        for (int column = 0; column < COLUMNS.size(); column++) {
            cells.columnHeader(header, column, COLUMNS.get(column));
        }
        List<Integer> rows = new ArrayList<>();
        int index = headerRow;
        for (InvoiceLine line : lines) {
            Row row = sheet.createRow(++index);
            LineKey key = line.key();
            cells.text(row, 0, line.type().name());
            cells.text(row, 1, line.description());
            cells.text(row, 2, key.reservationId());
            cells.text(row, 3, key.subscriptionId());
            cells.text(row, 4, key.skuName());
            cells.text(row, 5, key.region());
            cells.quantity(row, 6, line.quantity());
            cells.text(row, 7, line.unit());
            cells.unitPrice(row, 8, unitPrice(line));
            cells.amount(row, AMOUNT_COLUMN, line.amount());
            rows.add(index);
        }
        return rows;
    }

    /** One row per LineType present, in the LineType order; @return the row after the last subtotal. */
    private static int writeSubtotals(InvoiceWorkbookCells cells, Sheet sheet, int firstRow, List<InvoiceLine> lines) {
        Map<InvoiceLineType, Money> byType = new EnumMap<>(InvoiceLineType.class);
        for (InvoiceLine line : lines) {
            byType.merge(line.type(), line.amount(), Money::plus);
        }
        int index = firstRow;
        for (Map.Entry<InvoiceLineType, Money> subtotal : byType.entrySet()) {
            Row row = sheet.createRow(index++);
            cells.text(row, 0, subtotal.getKey().name());
            // On a revision the Adjustments restate the change since the previous revision: the total is the sum of
            // the full lines only.
            cells.text(row, 1, subtotal.getKey() == InvoiceLineType.Adjustment
                    ? "Change since the previous revision (not part of the total)" : "Subtotal");
            cells.totalAmount(row, AMOUNT_COLUMN, subtotal.getValue());
        }
        return index;
    }

    private static void writeDetails(InvoiceWorkbookCells cells, Sheet sheet, List<InvoiceLine> lines,
            List<Integer> lineRows) {
        Row header = sheet.createRow(0);
        for (int column = 0; column < DETAIL_COLUMNS.size(); column++) {
            cells.columnHeader(header, column, DETAIL_COLUMNS.get(column));
        }
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            Row row = sheet.createRow(i + 1);
            cells.integer(row, 0, lineRows.get(i) + 1L); // the row number Excel shows on the invoice sheet
            cells.text(row, 1, line.type().name());
            cells.text(row, 2, line.description());
            cells.quantity(row, 3, line.quantity());
            cells.text(row, 4, line.unit());
            cells.amount(row, 5, line.amount());
            cells.text(row, 6, line.detail());
        }
        InvoiceWorkbookCells.columnWidths(sheet, DETAIL_WIDTHS);
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, lines.size(), 0, DETAIL_COLUMNS.size() - 1));
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        InvoiceWorkbookCells.printOnePageWide(sheet);
    }

    /**
     * The same value as the CSV's UnitPrice (Amount ÷ Quantity at {@link InvoiceCsv#UNIT_PRICE_DECIMALS}
     * decimals, informational), so both files agree; empty without a quantity.
     */
    static BigDecimal unitPrice(InvoiceLine line) {
        if (line.quantity() == null || line.quantity().signum() == 0) {
            return null;
        }
        return line.amount().amount().divide(line.quantity(), Money.MATH)
                .setScale(InvoiceCsv.UNIT_PRICE_DECIMALS, RoundingMode.HALF_UP);
    }
}
