package dev.ribilling.invoicing;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The header block of an invoice or note (contract section 4): who bills whom on the left, the document's
 * identity and dates on the right, then "Amounts exclude tax". Two columns of fields keep the block short,
 * because the frozen pane below the table header keeps all of it on screen.
 */
final class InvoiceWorkbookHeader {

    /** Left fields use the LineType/Description columns, right fields the ReservationId/SubscriptionId ones. */
    private static final int LEFT_LABEL = 0;
    private static final int RIGHT_LABEL = 2;

    private InvoiceWorkbookHeader() {
    }

    /** @return the first row after the block */
    static int write(InvoiceWorkbookCells cells, Sheet sheet, InvoiceDocument document, String title) {
        cells.title(sheet.createRow(0), 0, title);

        List<Field> left = new ArrayList<>();
        left.add(text("Partner", document.partnerName()));
        left.add(text("Address", document.partnerAddressLine()));
        left.add(text("Bill to", document.billToLabel()));
        left.add(text("Customer", document.customerName()));
        left.add(text("Customer id", document.customerId()));
        document.reason().ifPresent(reason -> left.add(text("Revision reason", reason)));

        List<Field> right = List.of(
                text("Invoice number", document.invoiceNumber()),
                new Field("Revision", (c, row, column) -> c.integer(row, column, document.revision())),
                text("Period", document.period().toString()),
                new Field("Issue date", (c, row, column) -> c.date(row, column, document.issueDate())),
                new Field("Due date", (c, row, column) -> c.date(row, column, document.dueDate())),
                text("Currency", document.currency().getCurrencyCode()));

        int rows = Math.max(left.size(), right.size());
        for (int i = 0; i < rows; i++) {
            Row row = sheet.createRow(i + 1);
            if (i < left.size()) {
                left.get(i).write(cells, row, LEFT_LABEL);
            }
            if (i < right.size()) {
                right.get(i).write(cells, row, RIGHT_LABEL);
            }
        }
        cells.label(sheet.createRow(rows + 1), 0, InvoiceDocument.TAX_NOTE);
        return rows + 2;
    }

    private static Field text(String label, String value) {
        return new Field(label, (cells, row, column) -> cells.text(row, column, value));
    }

    /** A label and a writer for its value, placed in the column after the label. */
    private record Field(String label, ValueWriter value) {

        void write(InvoiceWorkbookCells cells, Row row, int labelColumn) {
            cells.label(row, labelColumn, label);
            value.write(cells, row, labelColumn + 1);
        }
    }

    @FunctionalInterface
    private interface ValueWriter {
        void write(InvoiceWorkbookCells cells, Row row, int column);
    }
}
