package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.JPY;
import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.date;
import static dev.ribilling.invoicing.Fixtures.dec;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.assertNoFormulas;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.autoFilter;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.dump;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.format;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.number;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.open;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.rowWith;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.rowsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ribilling.billing.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvoiceWorkbookWriterTests {

    private static final BillTo RESELLER = BillTo.of("RES-A");
    private static final int DESCRIPTION = 1;
    private static final int QUANTITY = 6;
    private static final int UNIT_PRICE = 8;
    private static final int AMOUNT = 9;

    @TempDir
    Path out;

    private final InvoiceWorkbookWriter writer = new InvoiceWorkbookWriter();

    private static InvoiceLine reservation(InvoiceLineType type, String reservationId, String chargeDate, String quantity,
            String amount, String currency, String description) {
        LineKey key = new LineKey(RESELLER, type, reservationId, null, "Standard_D2s_v3", "westeurope", null,
                date(chargeDate));
        return new InvoiceLine(type, key, description, dec(quantity), "Instances", Money.of(amount, currency),
                "how " + reservationId + " was computed");
    }

    private static InvoiceLine usage(InvoiceLineType type, String subscription, String hours, String amount,
            String currency, String description) {
        LineKey key = new LineKey(RESELLER, type, null, subscription, "Standard_D2s_v3", "westeurope",
                type == InvoiceLineType.PaygUsage ? "OnDemand" : null, null);
        return new InvoiceLine(type, key, description, dec(hours), "Hours", Money.of(amount, currency),
                hours + " h × rate for " + subscription);
    }

    /** Five line types, three of them with descriptions that a spreadsheet would run as formulas. */
    private static Invoice usdInvoice() {
        return new Invoice("C1", YearMonth.of(2026, 10), RESELLER, USD, List.of(
                usage(InvoiceLineType.PaygUsage, "S2", "10", "1.00", "USD", "+cmd"),
                reservation(InvoiceLineType.ReservationPurchase, "R1", "2026-10-04", "2", "3650.00", "USD", "Purchase"),
                usage(InvoiceLineType.SoftwareUsage, "S1", "5", "0.33", "USD", "@SUM(A1)"),
                reservation(InvoiceLineType.ReservationRefund, "R3", "2026-10-20", "1", "-120.55", "USD", "-2+3"),
                usage(InvoiceLineType.PaygUsage, "S1", "24.5", "2.45", "USD", "=HYPERLINK(\"http://x\")"),
                reservation(InvoiceLineType.ReservationInstalment, "R2", "2026-10-10", "1", "101.39", "USD", "Instalment")));
    }

    private static InvoiceDocument document(Invoice invoice, int revision, String reason) {
        return new InvoiceDocument("Contoso Cloud Partner", "1 Main Street\nSpringfield", "RIB-2026-000042", revision,
                "Fabrikam Ltd", date("2026-11-03"), date("2026-12-03"), invoice, reason);
    }

    private XSSFWorkbook writeAndReopen(InvoiceDocument document) throws IOException {
        Path file = out.resolve("invoices/C1/RIB-2026-000042-R1.xlsx");
        writer.writeInvoice(document, file);
        return open(file);
    }

    private static Row tableHeader(Sheet sheet) {
        return rowWith(sheet, 0, "LineType");
    }

    private static List<Row> lineRows(Sheet sheet) {
        int header = tableHeader(sheet).getRowNum();
        List<Row> rows = new ArrayList<>();
        for (int i = header + 1; sheet.getRow(i) != null; i++) {
            rows.add(sheet.getRow(i));
        }
        return rows;
    }

    @Test
    void linesAreNumericCellsAndAmountsShowTheCurrencysMinorUnits() throws IOException {
        Invoice invoice = usdInvoice();
        try (XSSFWorkbook workbook = writeAndReopen(document(invoice, 1, null))) {
            Sheet sheet = workbook.getSheet(InvoiceWorkbookWriter.INVOICE_SHEET);
            List<Row> rows = lineRows(sheet);

            assertThat(rows).hasSize(6);
            // CSV order: grouped by LineType in declaration order, then by key.
            assertThat(rows).extracting(row -> row.getCell(0).getStringCellValue()).containsExactly(
                    "ReservationPurchase", "ReservationInstalment", "ReservationRefund", "PaygUsage", "PaygUsage",
                    "SoftwareUsage");
            Row payg = rowWith(sheet, DESCRIPTION, "=HYPERLINK(\"http://x\")");
            assertThat(number(payg.getCell(QUANTITY))).isEqualByComparingTo("24.5");
            assertThat(number(payg.getCell(AMOUNT))).isEqualByComparingTo("2.45");
            assertThat(format(payg.getCell(AMOUNT))).isEqualTo("#,##0.00");
            // UnitPrice is the CSV's informational value: 2.45 ÷ 24.5 = 0.1.
            assertThat(number(payg.getCell(UNIT_PRICE))).isEqualByComparingTo("0.1");
            Row refund = rowWith(sheet, DESCRIPTION, "-2+3");
            assertThat(number(refund.getCell(AMOUNT))).isEqualByComparingTo("-120.55");
            assertThat(refund.getCell(2).getStringCellValue()).isEqualTo("R3");
        }
    }

    @Test
    void unitPricesAgreeWithTheCsv() throws IOException {
        Invoice invoice = usdInvoice();
        List<String[]> csv = InvoiceCsv.rows(invoice, "RIB-2026-000042", 1);
        try (XSSFWorkbook workbook = writeAndReopen(document(invoice, 1, null))) {
            List<Row> rows = lineRows(workbook.getSheet(InvoiceWorkbookWriter.INVOICE_SHEET));
            for (int i = 0; i < csv.size(); i++) {
                assertThat(number(rows.get(i).getCell(UNIT_PRICE))).isEqualByComparingTo(csv.get(i)[13]);
                assertThat(number(rows.get(i).getCell(AMOUNT))).isEqualByComparingTo(csv.get(i)[14]);
            }
        }
    }

    @Test
    void yenAmountsHaveNoDecimals() throws IOException {
        LineKey key = new LineKey(BillTo.DIRECT, InvoiceLineType.PaygUsage, null, "S1", "Standard_D2s_v3", "japaneast",
                "OnDemand", null);
        Invoice invoice = new Invoice("C1", YearMonth.of(2026, 10), BillTo.DIRECT, JPY, List.of(new InvoiceLine(
                InvoiceLineType.PaygUsage, key, "usage", dec("100"), "Hours", Money.of("1234", "JPY"), "100 h × 12.34")));

        try (XSSFWorkbook workbook = writeAndReopen(document(invoice, 1, null))) {
            Sheet sheet = workbook.getSheet(InvoiceWorkbookWriter.INVOICE_SHEET);
            Row line = rowWith(sheet, DESCRIPTION, "usage");
            Row total = rowWith(sheet, 0, "Total");

            assertThat(number(line.getCell(AMOUNT))).isEqualByComparingTo("1234");
            assertThat(format(line.getCell(AMOUNT))).isEqualTo("#,##0");
            assertThat(number(total.getCell(AMOUNT))).isEqualByComparingTo("1234");
            assertThat(format(total.getCell(AMOUNT))).isEqualTo("#,##0");
            assertThat(rowWith(sheet, 0, "Bill to").getCell(1).getStringCellValue()).isEqualTo("direct");
        }
    }

    @Test
    void subtotalsPerLineTypeAndTheTotalAreSumsOfTheRoundedLines() throws IOException {
        Invoice invoice = usdInvoice();
        try (XSSFWorkbook workbook = writeAndReopen(document(invoice, 1, null))) {
            Sheet sheet = workbook.getSheet(InvoiceWorkbookWriter.INVOICE_SHEET);

            assertThat(subtotal(sheet, "ReservationPurchase")).isEqualByComparingTo("3650.00");
            assertThat(subtotal(sheet, "ReservationInstalment")).isEqualByComparingTo("101.39");
            assertThat(subtotal(sheet, "ReservationRefund")).isEqualByComparingTo("-120.55");
            assertThat(subtotal(sheet, "PaygUsage")).isEqualByComparingTo("3.45");
            assertThat(subtotal(sheet, "SoftwareUsage")).isEqualByComparingTo("0.33");
            assertThat(rowsWith(sheet, 1, "Subtotal")).hasSize(5);
            Row total = rowWith(sheet, 0, "Total");
            assertThat(number(total.getCell(AMOUNT))).isEqualByComparingTo(invoice.total().amount())
                    .isEqualByComparingTo("3634.62");
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("USD");
            assertThat(format(total.getCell(AMOUNT))).isEqualTo("#,##0.00");
        }
    }

    private static BigDecimal subtotal(Sheet sheet, String lineType) {
        return rowsWith(sheet, 0, lineType).stream()
                .filter(row -> "Subtotal".equals(row.getCell(1).getStringCellValue()))
                .map(row -> number(row.getCell(AMOUNT)))
                .reduce((a, b) -> {
                    throw new AssertionError("two subtotals for " + lineType);
                })
                .orElseThrow();
    }

    @Test
    void formulaLookingTextIsStoredAsTextAndNoCellIsAFormula() throws IOException {
        try (XSSFWorkbook workbook = writeAndReopen(document(usdInvoice(), 2, "=1+1"))) {
            Sheet sheet = workbook.getSheet(InvoiceWorkbookWriter.INVOICE_SHEET);

            assertNoFormulas(workbook);
            for (String text : List.of("=HYPERLINK(\"http://x\")", "+cmd", "@SUM(A1)", "-2+3")) {
                Cell cell = rowWith(sheet, DESCRIPTION, text).getCell(DESCRIPTION);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(text);
                // Quote-prefixed: Excel keeps it text even when a user edits the cell.
                assertThat(cell.getCellStyle().getQuotePrefixed()).as(text).isTrue();
            }
            assertThat(rowWith(sheet, DESCRIPTION, "Purchase").getCell(DESCRIPTION).getCellStyle().getQuotePrefixed())
                    .isFalse();
            Cell reason = rowWith(sheet, 0, "Revision reason").getCell(1);
            assertThat(reason.getStringCellValue()).isEqualTo("=1+1");
            assertThat(reason.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void tableHasAFrozenHeaderAFilterExplicitWidthsAndPrintsOnePageWideInLandscape() throws IOException {
        try (XSSFWorkbook workbook = writeAndReopen(document(usdInvoice(), 1, null))) {
            Sheet sheet = workbook.getSheet(InvoiceWorkbookWriter.INVOICE_SHEET);
            int header = tableHeader(sheet).getRowNum();

            assertThat(tableHeader(sheet)).extracting(Cell::getStringCellValue)
                    .containsExactlyElementsOf(InvoiceWorkbookWriter.COLUMNS);
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) (header + 1));
            assertThat(pane.getVerticalSplitPosition()).isZero();
            // Header row and the six lines; subtotals and total stay outside the filter.
            assertThat(autoFilter(sheet)).isEqualTo("A" + (header + 1) + ":J" + (header + 7));
            assertThat(sheet.getColumnWidth(DESCRIPTION)).isEqualTo(48 * 256);
            assertThat(sheet.getColumnWidth(AMOUNT)).isEqualTo(16 * 256);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(header);
        }
    }

    @Test
    void headerShowsPartnerCustomerBillToPeriodDatesCurrencyAndTheTaxNote() throws IOException {
        try (XSSFWorkbook workbook = writeAndReopen(document(usdInvoice(), 3, "price sheet corrected"))) {
            Sheet sheet = workbook.getSheet(InvoiceWorkbookWriter.INVOICE_SHEET);

            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Invoice");
            assertThat(valueRight(sheet, 0, "Partner")).isEqualTo("Contoso Cloud Partner");
            assertThat(valueRight(sheet, 0, "Address")).isEqualTo("1 Main Street, Springfield");
            assertThat(valueRight(sheet, 0, "Bill to")).isEqualTo("RES-A");
            assertThat(valueRight(sheet, 0, "Customer")).isEqualTo("Fabrikam Ltd");
            assertThat(valueRight(sheet, 0, "Customer id")).isEqualTo("C1");
            assertThat(valueRight(sheet, 0, "Revision reason")).isEqualTo("price sheet corrected");
            assertThat(valueRight(sheet, 2, "Invoice number")).isEqualTo("RIB-2026-000042");
            assertThat(valueRight(sheet, 2, "Period")).isEqualTo("2026-10");
            assertThat(valueRight(sheet, 2, "Currency")).isEqualTo("USD");
            assertThat(number(rowWith(sheet, 2, "Revision").getCell(3))).isEqualByComparingTo("3");
            Cell issued = rowWith(sheet, 2, "Issue date").getCell(3);
            assertThat(issued.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(date("2026-11-03"));
            assertThat(format(issued)).isEqualTo("yyyy-mm-dd");
            Cell due = rowWith(sheet, 2, "Due date").getCell(3);
            assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(date("2026-12-03"));
            rowWith(sheet, 0, InvoiceDocument.TAX_NOTE);
            assertThat(tableHeader(sheet).getRowNum()).isGreaterThan(rowWith(sheet, 0, InvoiceDocument.TAX_NOTE).getRowNum());
        }
    }

    private static String valueRight(Sheet sheet, int labelColumn, String label) {
        return rowWith(sheet, labelColumn, label).getCell(labelColumn + 1).getStringCellValue();
    }

    @Test
    void aNegativeTotalIsTitledCreditInvoice() throws IOException {
        Invoice invoice = new Invoice("C1", YearMonth.of(2026, 10), RESELLER, USD, List.of(
                reservation(InvoiceLineType.ReservationRefund, "R3", "2026-10-20", "1", "-120.55", "USD", "refund")));
        try (XSSFWorkbook workbook = writeAndReopen(document(invoice, 1, null))) {
            Sheet sheet = workbook.getSheet(InvoiceWorkbookWriter.INVOICE_SHEET);

            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Credit invoice");
            assertThat(number(rowWith(sheet, 0, "Total (credit)").getCell(AMOUNT))).isEqualByComparingTo("-120.55");
        }
    }

    @Test
    void howComputedSheetHasOneRowPerLineWithItsDetail() throws IOException {
        try (XSSFWorkbook workbook = writeAndReopen(document(usdInvoice(), 1, null))) {
            Sheet invoiceSheet = workbook.getSheet(InvoiceWorkbookWriter.INVOICE_SHEET);
            Sheet details = workbook.getSheet(InvoiceWorkbookWriter.DETAIL_SHEET);

            assertThat(details.getRow(0)).extracting(Cell::getStringCellValue)
                    .containsExactlyElementsOf(InvoiceWorkbookWriter.DETAIL_COLUMNS);
            assertThat(details.getLastRowNum()).isEqualTo(6);
            Row payg = rowWith(details, 2, "=HYPERLINK(\"http://x\")");
            assertThat(payg.getCell(6).getStringCellValue()).isEqualTo("24.5 h × rate for S1");
            assertThat(number(payg.getCell(5))).isEqualByComparingTo("2.45");
            // The "Invoice row" column points at the same line on the invoice sheet (Excel numbers rows from 1).
            int invoiceRow = number(payg.getCell(0)).intValueExact() - 1;
            assertThat(invoiceSheet.getRow(invoiceRow).getCell(DESCRIPTION).getStringCellValue())
                    .isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(details.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(autoFilter(details)).isEqualTo("A1:G7");
        }
    }

    @Test
    void aNoteHoldsOnlyTheAdjustmentsAndIsACreditNoteWhenTheySumBelowZero() throws IOException {
        Invoice previous = usdInvoice();
        List<InvoiceLine> lowered = new ArrayList<>(previous.lines());
        lowered.set(1, reservation(InvoiceLineType.ReservationPurchase, "R1", "2026-10-04", "2", "3600.00", "USD", "Purchase"));
        lowered.remove(0); // the "+cmd" PaygUsage line vanishes: −1.00
        Invoice recomputed = new Invoice("C1", YearMonth.of(2026, 10), RESELLER, USD, lowered);
        InvoiceRevisions.Revision revision = InvoiceRevisions.revise(previous, recomputed).orElseThrow();
        Path file = out.resolve("RIB-2026-000042-R2-note.xlsx");

        writer.writeNote(document(recomputed, 2, "price corrected"), revision.adjustments(), file);

        try (XSSFWorkbook workbook = open(file)) {
            Sheet sheet = workbook.getSheet(InvoiceWorkbookWriter.NOTE_SHEET);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Credit note");
            assertThat(lineRows(sheet)).hasSize(2).allSatisfy(row ->
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Adjustment"));
            assertThat(lineRows(sheet)).extracting(row -> number(row.getCell(AMOUNT)))
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("-50.00"), new BigDecimal("-1.00"));
            assertThat(number(rowWith(sheet, 0, "Total (credit)").getCell(AMOUNT)))
                    .isEqualByComparingTo(revision.adjustmentTotal().amount()).isEqualByComparingTo("-51.00");
            assertThat(rowsWith(sheet, 1, "Subtotal")).isEmpty();
            assertThat(workbook.getSheet(InvoiceWorkbookWriter.DETAIL_SHEET).getLastRowNum()).isEqualTo(2);
            assertNoFormulas(workbook);
        }
    }

    @Test
    void aNoteIsADebitNoteWhenTheAdjustmentsDoNotSumBelowZero() throws IOException {
        Invoice previous = usdInvoice();
        List<InvoiceLine> raised = new ArrayList<>(previous.lines());
        raised.set(1, reservation(InvoiceLineType.ReservationPurchase, "R1", "2026-10-04", "2", "3700.00", "USD", "Purchase"));
        Invoice recomputed = new Invoice("C1", YearMonth.of(2026, 10), RESELLER, USD, raised);
        InvoiceRevisions.Revision revision = InvoiceRevisions.revise(previous, recomputed).orElseThrow();
        Path file = out.resolve("RIB-2026-000042-R2-note.xlsx");

        writer.writeNote(document(recomputed, 2, null), revision.adjustments(), file);

        try (XSSFWorkbook workbook = open(file)) {
            Sheet sheet = workbook.getSheet(InvoiceWorkbookWriter.NOTE_SHEET);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Debit note");
            assertThat(number(rowWith(sheet, 0, "Total").getCell(AMOUNT))).isEqualByComparingTo("50.00");
        }
        assertThat(InvoiceWorkbookWriter.noteTitle(Money.of("0.00", "USD"))).isEqualTo("Debit note");
    }

    @Test
    void aNoteRefusesLinesThatAreNotAdjustmentsOfTheInvoice() {
        Invoice invoice = usdInvoice();
        InvoiceDocument document = document(invoice, 2, null);
        Path file = out.resolve("note.xlsx");

        assertThatThrownBy(() -> writer.writeNote(document, invoice.lines(), file))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.writeNote(document, List.of(), file))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void writingLeavesNoTemporaryFileAndARerunGivesTheSameContentAndCreatedDate() throws IOException {
        Path file = out.resolve("invoices/C1/RIB-2026-000042-R1.xlsx");
        InvoiceDocument document = document(usdInvoice(), 1, null);

        writer.writeInvoice(document, file);
        List<String> first;
        try (XSSFWorkbook workbook = open(file)) {
            first = dump(workbook);
        }
        writer.writeInvoice(document, file);

        try (Stream<Path> files = Files.list(file.getParent()); XSSFWorkbook workbook = open(file)) {
            assertThat(files).containsExactly(file);
            assertThat(dump(workbook)).isEqualTo(first);
            var core = workbook.getProperties().getCoreProperties();
            assertThat(core.getCreated().toInstant()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
            assertThat(core.getModified().toInstant()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
            assertThat(core.getCreator()).isEqualTo("ri-billing");
        }
    }
}
