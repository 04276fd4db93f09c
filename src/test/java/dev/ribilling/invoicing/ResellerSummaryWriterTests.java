package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.date;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.assertNoFormulas;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.autoFilter;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.format;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.number;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.open;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.rowWith;
import static dev.ribilling.invoicing.InvoiceWorkbookAssertions.rowsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ribilling.billing.Money;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResellerSummaryWriterTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final int CUSTOMER_NAME = 3;
    private static final int TOTAL = 5;

    @TempDir
    Path out;

    private final ResellerSummaryWriter writer = new ResellerSummaryWriter();

    private static ResellerSummaryRow row(String number, int revision, String customerId, String customerName,
            String total, String currency) {
        return new ResellerSummaryRow(number, revision, customerId, customerName, Money.of(total, currency),
                date("2026-11-03"), date("2026-12-03"));
    }

    /** Deliberately out of InvoiceNumber order, with three currencies and names a spreadsheet could misread. */
    private static List<ResellerSummaryRow> rows() {
        return List.of(
                row("RIB-2026-000012", 2, "C2", "=HYPERLINK(\"http://x\")", "-1500", "JPY"),
                row("RIB-2026-000007", 1, "C1", "Contoso, Ltd.", "1234.50", "USD"),
                row("RIB-2026-000009", 1, "C3", "-Fabrikam", "-12.50", "EUR"),
                row("RIB-2026-000008", 1, "C4", "Northwind", "100.25", "USD"));
    }

    @Test
    void csvIsExactlyTheExpectedBytes() throws IOException {
        ResellerSummaryWriter.Written written = writer.write(out, "RES-A", OCTOBER, rows());

        assertThat(written.csv()).isEqualTo(out.resolve("2026-10/resellers/RES-A/summary-2026-10.csv"));
        // Sorted by InvoiceNumber; UTF-8 without BOM, LF; numbers plain (−12.50 is not escaped, JPY has no
        // decimals); formula-looking names start with ' and are quoted only when RFC 4180 needs it.
        String expected = """
                InvoiceNumber,Revision,CustomerId,CustomerName,Currency,Total,IssueDate,DueDate,IsCredit
                RIB-2026-000007,1,C1,"Contoso, Ltd.",USD,1234.50,2026-11-03,2026-12-03,false
                RIB-2026-000008,1,C4,Northwind,USD,100.25,2026-11-03,2026-12-03,false
                RIB-2026-000009,1,C3,'-Fabrikam,EUR,-12.50,2026-11-03,2026-12-03,true
                RIB-2026-000012,2,C2,"'=HYPERLINK(""http://x"")",JPY,-1500,2026-11-03,2026-12-03,true
                """;
        assertThat(Files.readAllBytes(written.csv())).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rerunsWriteTheSameCsvWhateverTheInputOrder() throws IOException {
        Path csv = writer.write(out, "RES-A", OCTOBER, rows()).csv();
        byte[] first = Files.readAllBytes(csv);

        List<ResellerSummaryRow> reversed = new ArrayList<>(rows());
        Collections.reverse(reversed);
        writer.write(out, "RES-A", OCTOBER, reversed);

        assertThat(Files.readAllBytes(csv)).isEqualTo(first);
        try (Stream<Path> files = Files.list(csv.getParent())) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("summary-2026-10.csv", "summary-2026-10.xlsx");
        }
    }

    @Test
    void workbookHasNumericTotalsInEachRowsCurrencyFormatAndTotalsPerCurrency() throws IOException {
        Path xlsx = writer.write(out, "RES-A", OCTOBER, rows()).xlsx();

        assertThat(xlsx).isEqualTo(out.resolve("2026-10/resellers/RES-A/summary-2026-10.xlsx"));
        try (XSSFWorkbook workbook = open(xlsx)) {
            Sheet sheet = workbook.getSheet(ResellerSummaryWriter.SHEET);
            assertNoFormulas(workbook);
            assertThat(sheet.getRow(1)).extracting(Cell::getStringCellValue)
                    .containsExactlyElementsOf(ResellerSummaryWriter.HEADER);
            assertThat(List.of(2, 3, 4, 5)).extracting(i -> sheet.getRow(i).getCell(0).getStringCellValue())
                    .containsExactly("RIB-2026-000007", "RIB-2026-000008", "RIB-2026-000009", "RIB-2026-000012");

            Row yen = rowWith(sheet, 0, "RIB-2026-000012");
            assertThat(number(yen.getCell(1))).isEqualByComparingTo("2");
            assertThat(number(yen.getCell(TOTAL))).isEqualByComparingTo("-1500");
            assertThat(format(yen.getCell(TOTAL))).isEqualTo("#,##0");
            assertThat(yen.getCell(8).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(yen.getCell(8).getBooleanCellValue()).isTrue();
            assertThat(yen.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(date("2026-11-03"));
            Cell name = yen.getCell(CUSTOMER_NAME);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            Row euro = rowWith(sheet, 0, "RIB-2026-000009");
            assertThat(number(euro.getCell(TOTAL))).isEqualByComparingTo("-12.50");
            assertThat(format(euro.getCell(TOTAL))).isEqualTo("#,##0.00");
            assertThat(euro.getCell(CUSTOMER_NAME).getStringCellValue()).isEqualTo("-Fabrikam");

            List<Row> totals = rowsWith(sheet, 0, "Total");
            assertThat(totals).extracting(r -> r.getCell(4).getStringCellValue()).containsExactly("EUR", "JPY", "USD");
            assertThat(number(totals.get(0).getCell(TOTAL))).isEqualByComparingTo("-12.50");
            assertThat(number(totals.get(1).getCell(TOTAL))).isEqualByComparingTo("-1500");
            assertThat(format(totals.get(1).getCell(TOTAL))).isEqualTo("#,##0");
            assertThat(number(totals.get(2).getCell(TOTAL))).isEqualByComparingTo("1334.75");
            assertThat(format(totals.get(2).getCell(TOTAL))).isEqualTo("#,##0.00");
        }
    }

    @Test
    void workbookHasAFrozenHeaderAFilterOverTheRowsAndPrintsOnePageWide() throws IOException {
        Path xlsx = writer.write(out, "RES-A", OCTOBER, rows()).xlsx();

        try (XSSFWorkbook workbook = open(xlsx)) {
            Sheet sheet = workbook.getSheet(ResellerSummaryWriter.SHEET);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(autoFilter(sheet)).isEqualTo("A2:I6");
            assertThat(sheet.getColumnWidth(CUSTOMER_NAME)).isEqualTo(36 * 256);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        }
    }

    @Test
    void refusesARepeatedInvoiceAndAnUnsafeResellerId() {
        List<ResellerSummaryRow> repeated = List.of(row("RIB-2026-000007", 1, "C1", "A", "1.00", "USD"),
                row("RIB-2026-000007", 2, "C1", "A", "2.00", "USD"));

        assertThatThrownBy(() -> writer.write(out, "RES-A", OCTOBER, repeated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RIB-2026-000007");
        assertThatThrownBy(() -> writer.write(out, "../RES-A", OCTOBER, rows()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out.resolve("2026-10")).doesNotExist();
    }

    @Test
    void aRowTakesItsTotalAndCreditFlagFromTheInvoice() {
        Invoice empty = new Invoice("C1", OCTOBER, BillTo.of("RES-A"), USD, List.of());
        InvoiceDocument document = new InvoiceDocument("P", "", "RIB-2026-000003", 2, "Fabrikam", date("2026-11-03"),
                date("2026-12-03"), empty, "all usage withdrawn");

        ResellerSummaryRow row = ResellerSummaryRow.of(document);

        // An empty invoice's total is a bare zero; the row gives it the currency's minor units.
        assertThat(InvoiceCsv.amount(row.total())).isEqualTo("0.00");
        assertThat(row.total().amount().scale()).isEqualTo(2);
        assertThat(row.isCredit()).isFalse();
        assertThat(row("N", 1, "C", "", "-0.01", "USD").isCredit()).isTrue();
        assertThatThrownBy(() -> row("N", 1, "C", "", "1.005", "USD")).isInstanceOf(IllegalArgumentException.class);
    }
}
