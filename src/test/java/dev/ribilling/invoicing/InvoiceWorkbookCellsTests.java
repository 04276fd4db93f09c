package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.EUR;
import static dev.ribilling.invoicing.Fixtures.JPY;
import static dev.ribilling.invoicing.Fixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.billing.Money;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Currency;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class InvoiceWorkbookCellsTests {

    @Test
    void amountFormatsFollowTheCurrencysMinorUnits() {
        assertThat(InvoiceWorkbookCells.amountFormat(JPY)).isEqualTo("#,##0");
        assertThat(InvoiceWorkbookCells.amountFormat(USD)).isEqualTo("#,##0.00");
        assertThat(InvoiceWorkbookCells.amountFormat(EUR)).isEqualTo("#,##0.00");
        assertThat(InvoiceWorkbookCells.amountFormat(Currency.getInstance("BHD"))).isEqualTo("#,##0.000");
    }

    @Test
    void everyRiskyFirstCharacterGivesAQuotePrefixedStringCellWithTheExactText() throws IOException {
        String[] risky = {"=1+1", "+cmd", "-2", "@SUM(A1)", "\tcmd", "\rcmd"};
        try (XSSFWorkbook written = new XSSFWorkbook()) {
            InvoiceWorkbookCells cells = new InvoiceWorkbookCells(written);
            Row row = written.createSheet("s").createRow(0);
            for (int i = 0; i < risky.length; i++) {
                cells.text(row, i, risky[i]);
            }
            cells.label(row, risky.length, "=label");
            cells.text(row, risky.length + 1, "a = b");

            try (XSSFWorkbook read = reopen(written)) {
                Row back = read.getSheetAt(0).getRow(0);
                for (int i = 0; i <= risky.length; i++) {
                    Cell cell = back.getCell(i);
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                    assertThat(cell.getCellStyle().getQuotePrefixed()).as("column %d", i).isTrue();
                }
                assertThat(back.getCell(4).getStringCellValue()).isEqualTo("\tcmd");
                assertThat(back.getCell(risky.length).getStringCellValue()).isEqualTo("=label");
                assertThat(back.getCell(risky.length + 1).getCellStyle().getQuotePrefixed()).isFalse();
            }
        }
    }

    @Test
    void textBeyondExcelsCellLimitIsCutInsteadOfFailingTheInvoice() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            InvoiceWorkbookCells cells = new InvoiceWorkbookCells(workbook);
            Row row = workbook.createSheet("s").createRow(0);

            Cell cell = cells.text(row, 0, "x".repeat(40_000));

            assertThat(cell.getStringCellValue()).hasSize(InvoiceWorkbookCells.MAX_TEXT_LENGTH);
        }
    }

    @Test
    void amountsAreNumericAndNullsLeaveEmptyCells() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            InvoiceWorkbookCells cells = new InvoiceWorkbookCells(workbook);
            Row row = workbook.createSheet("s").createRow(0);

            Cell amount = cells.amount(row, 0, Money.of("-1234567.89", "USD"));
            Cell none = cells.amount(row, 1, null);
            Cell noText = cells.text(row, 2, null);

            assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(amount.getNumericCellValue()).isEqualTo(-1234567.89);
            assertThat(none.getCellType()).isEqualTo(CellType.BLANK);
            assertThat(noText.getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    private static XSSFWorkbook reopen(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        workbook.write(bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
