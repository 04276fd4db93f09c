package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import dev.ribilling.output.SafeCsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A reseller's monthly summary of its customers' invoices (contract section 4), one row per invoice:
 * {@code out/<YYYY-MM>/resellers/<ResellerId>/summary-<YYYY-MM>.csv} and {@code .xlsx}. Rows are ordered by
 * InvoiceNumber whatever order they come in, so reruns give the same CSV bytes. The xlsx ends with one
 * total per currency, because totals in different currencies cannot be added.
 */
public final class ResellerSummaryWriter {

    public static final List<String> HEADER = List.of("InvoiceNumber", "Revision", "CustomerId", "CustomerName",
            "Currency", "Total", "IssueDate", "DueDate", "IsCredit");
    public static final String SHEET = "Summary";

    /** Revision and Total are plain numbers in the CSV; every other cell is formula-safe text. */
    private static final boolean[] NUMERIC = {false, true, false, false, false, true, false, false, false};
    private static final int[] WIDTHS = {18, 9, 16, 36, 9, 16, 12, 12, 9};
    private static final int CURRENCY_COLUMN = 4;
    private static final int TOTAL_COLUMN = 5;
    private static final int HEADER_ROW = 1;
    private static final Comparator<ResellerSummaryRow> ORDER = Comparator.comparing(ResellerSummaryRow::invoiceNumber);

    /** The two files written for one reseller and period. */
    public record Written(Path csv, Path xlsx) {
    }

    /**
     * Writes both files under {@code outRoot}, each atomically.
     *
     * @param resellerId must be a safe folder name ({@link SafeNames}); direct sales have no summary
     * @param rows one per invoice; two rows with the same InvoiceNumber are refused
     */
    public Written write(Path outRoot, String resellerId, YearMonth period, List<ResellerSummaryRow> rows)
            throws IOException {
        List<ResellerSummaryRow> sorted = sorted(rows);
        Path directory = directory(outRoot, resellerId, period);
        Written written = new Written(directory.resolve("summary-" + period + ".csv"),
                directory.resolve("summary-" + period + ".xlsx"));
        writeCsv(written.csv(), sorted);
        try (XSSFWorkbook workbook = workbook(resellerId, period, sorted)) {
            InvoiceWorkbookFiles.saveAtomically(workbook, written.xlsx());
        }
        return written;
    }

    /** {@code out/<YYYY-MM>/resellers/<ResellerId>}, refusing a ResellerId that is not a safe folder name. */
    public static Path directory(Path outRoot, String resellerId, YearMonth period) {
        return outRoot.resolve(period.toString()).resolve("resellers").resolve(SafeNames.require(resellerId));
    }

    /** The CSV rows (no header): text through {@link InvoiceCsv#text}, amounts as plain decimals. */
    static List<String[]> csvRows(List<ResellerSummaryRow> rows) {
        List<String[]> cells = new ArrayList<>();
        for (ResellerSummaryRow row : sorted(rows)) {
            cells.add(new String[] {
                InvoiceCsv.text(row.invoiceNumber()),
                Integer.toString(row.revision()),
                InvoiceCsv.text(row.customerId()),
                InvoiceCsv.text(row.customerName()),
                InvoiceCsv.text(row.currency().getCurrencyCode()),
                InvoiceCsv.amount(row.total()),
                InvoiceCsv.text(row.issueDate().toString()),
                InvoiceCsv.text(row.dueDate().toString()),
                Boolean.toString(row.isCredit())
            });
        }
        return cells;
    }

    static XSSFWorkbook workbook(String resellerId, YearMonth period, List<ResellerSummaryRow> rows) {
        List<ResellerSummaryRow> sorted = sorted(rows);
        XSSFWorkbook workbook = new XSSFWorkbook();
        // No single issue date belongs to a summary; the period's last day is fixed for every rerun.
        String title = "Reseller summary " + resellerId + " " + period;
        InvoiceWorkbookFiles.fixProperties(workbook, period.atEndOfMonth(), title);
        InvoiceWorkbookCells cells = new InvoiceWorkbookCells(workbook);
        Sheet sheet = workbook.createSheet(SHEET);
        cells.title(sheet.createRow(0), 0, title);

        Row header = sheet.createRow(HEADER_ROW);
        for (int column = 0; column < HEADER.size(); column++) {
            cells.columnHeader(header, column, HEADER.get(column));
        }
        Map<Currency, Money> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        int index = HEADER_ROW;
        for (ResellerSummaryRow summary : sorted) {
            Row row = sheet.createRow(++index);
            cells.text(row, 0, summary.invoiceNumber());
            cells.integer(row, 1, summary.revision());
            cells.text(row, 2, summary.customerId());
            cells.text(row, 3, summary.customerName());
            cells.text(row, CURRENCY_COLUMN, summary.currency().getCurrencyCode());
            cells.amount(row, TOTAL_COLUMN, summary.total());
            cells.date(row, 6, summary.issueDate());
            cells.date(row, 7, summary.dueDate());
            cells.bool(row, 8, summary.isCredit());
            totals.merge(summary.currency(), summary.total(), Money::plus);
        }
        index++; // a blank row keeps the totals out of the filtered table
        for (Money total : totals.values()) {
            Row row = sheet.createRow(++index);
            cells.label(row, 0, "Total");
            cells.label(row, CURRENCY_COLUMN, total.currency().getCurrencyCode());
            cells.totalAmount(row, TOTAL_COLUMN, total);
        }

        InvoiceWorkbookCells.columnWidths(sheet, WIDTHS);
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW + sorted.size(), 0, HEADER.size() - 1));
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        InvoiceWorkbookCells.printOnePageWide(sheet);
        return workbook;
    }

    private static void writeCsv(Path target, List<ResellerSummaryRow> sorted) throws IOException {
        // Rows are built before the file is opened, so a bad row cannot leave a half-written summary behind.
        List<String[]> cells = csvRows(sorted);
        try (SafeCsvWriter csv = new SafeCsvWriter(target)) {
            csv.row(HEADER.toArray(String[]::new));
            for (String[] row : cells) {
                csv.row(row, NUMERIC);
            }
        }
    }

    private static List<ResellerSummaryRow> sorted(List<ResellerSummaryRow> rows) {
        Set<String> seen = new HashSet<>();
        for (ResellerSummaryRow row : rows) {
            if (!seen.add(row.invoiceNumber())) {
                throw new IllegalArgumentException("one row per invoice, but " + row.invoiceNumber() + " repeats");
            }
        }
        return rows.stream().sorted(ORDER).toList();
    }
}
