package dev.ribilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading written workbooks back the way a reader that never evaluates formulas would. */
final class InvoiceWorkbookAssertions {

    private InvoiceWorkbookAssertions() {
    }

    static XSSFWorkbook open(Path file) throws IOException {
        // From a stream, so closing the workbook never writes back to the file under test.
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static void assertNoFormulas(XSSFWorkbook workbook) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    /** The first row whose cell in {@code column} is the string {@code text}. */
    static Row rowWith(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with '" + text + "' in column " + column + " of " + sheet.getSheetName());
    }

    static List<Row> rowsWith(Sheet sheet, int column, String text) {
        List<Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** A numeric cell's value; fails on any other cell type. */
    static BigDecimal number(Cell cell) {
        assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.NUMERIC);
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }

    static String format(Cell cell) {
        return cell.getCellStyle().getDataFormatString();
    }

    static String autoFilter(Sheet sheet) {
        return ((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef();
    }

    /** Every cell as text, so two workbooks can be compared for the same content. */
    static List<String> dump(XSSFWorkbook workbook) {
        DataFormatter formatter = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + formatter.formatCellValue(cell));
                }
            }
        }
        return cells;
    }
}
