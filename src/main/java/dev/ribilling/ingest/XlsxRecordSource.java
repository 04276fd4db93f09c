package dev.ribilling.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an xlsx file (reservations and customers only, which are small). Line numbers are
 * sheet row numbers (the header row is 1). Date cells become ISO text: a date-only cell is a date, a cell with a
 * time is read as UTC ("Z"), since Excel stores no zone. Formulas are read as their cached values.
 */
public final class XlsxRecordSource implements RecordSource {

    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Path path;
    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final DataFormatter formatter = new DataFormatter();
    private Header header;
    private int width;

    public XlsxRecordSource(Path path) throws IOException {
        this.path = path;
        try (InputStream in = Files.newInputStream(path)) {
            this.workbook = WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(path.getFileName() + ": not a readable xlsx workbook (" + e.getMessage() + ")");
        }
        Sheet sheet = workbook.getSheetAt(0);
        this.rows = sheet.iterator();
    }

    @Override
    public Header header() {
        if (header == null) {
            if (!rows.hasNext()) {
                throw new InvalidInputException(path.getFileName() + ": the first sheet is empty, it has no header row");
            }
            Row first = rows.next();
            width = Math.max(0, first.getLastCellNum());
            String[] names = new String[width];
            for (int i = 0; i < width; i++) {
                names[i] = text(first.getCell(i));
            }
            header = new Header(names);
        }
        return header;
    }

    @Override
    public SourceRecord next() {
        header();
        while (rows.hasNext()) {
            Row row = rows.next();
            int cells = Math.max(width, Math.max(0, row.getLastCellNum()));
            String[] fields = new String[cells];
            boolean blank = true;
            for (int i = 0; i < cells; i++) {
                fields[i] = text(row.getCell(i));
                blank &= fields[i].isBlank();
            }
            if (!blank) {
                return new SourceRecord(row.getRowNum() + 1L, String.join(",", quoteAll(fields)), fields);
            }
        }
        return null;
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            var dateTime = cell.getLocalDateTimeCellValue();
            if (dateTime.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    && !formatter.formatCellValue(cell).matches(".*\\d{1,2}:\\d{2}.*")) {
                return dateTime.toLocalDate().toString();
            }
            return ISO_DATE_TIME.format(dateTime.atOffset(ZoneOffset.UTC));
        }
        if (type == CellType.NUMERIC) {
            return new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return Boolean.toString(cell.getBooleanCellValue());
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    private static String[] quoteAll(String[] fields) {
        String[] quoted = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            quoted[i] = f.contains(",") || f.contains("\"") || f.contains("\n") ? "\"" + f.replace("\"", "\"\"") + "\"" : f;
        }
        return quoted;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
