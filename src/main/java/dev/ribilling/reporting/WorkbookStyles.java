package dev.ribilling.reporting;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The workbook's cell styles, created once each and shared: a workbook holds at most 64,000 styles, and one
 * style per cell would also cost memory on a 100,000-row sheet.
 */
final class WorkbookStyles {

    /** Light red, the fill Excel itself offers for "less than" rules. */
    static final short HIGHLIGHT_COLOR = IndexedColors.ROSE.getIndex();

    private final Workbook workbook;
    private final DataFormat formats;
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final CellStyle header;

    WorkbookStyles(Workbook workbook) {
        this.workbook = workbook;
        this.formats = workbook.createDataFormat();
        this.header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
    }

    CellStyle header() {
        return header;
    }

    /**
     * @param decimals the money decimals (MONEY only)
     * @param quoted text that a spreadsheet would take for a formula if retyped: Excel's "quote prefix" keeps it
     *     text even when someone edits the cell
     */
    CellStyle style(CellKind kind, int decimals, boolean highlighted, boolean quoted) {
        String key = kind + "/" + decimals + "/" + highlighted + "/" + quoted;
        return styles.computeIfAbsent(key, k -> create(kind, decimals, highlighted, quoted));
    }

    private CellStyle create(CellKind kind, int decimals, boolean highlighted, boolean quoted) {
        CellStyle style = workbook.createCellStyle();
        String format = format(kind, decimals);
        if (format != null) {
            style.setDataFormat(formats.getFormat(format));
        }
        if (highlighted) {
            style.setFillForegroundColor(HIGHLIGHT_COLOR);
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        style.setQuotePrefixed(quoted);
        return style;
    }

    private static String format(CellKind kind, int decimals) {
        return switch (kind) {
            case TEXT -> "@";
            case MONEY -> decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
            case UNITS -> "#,##0.00####";
            case PERCENT -> "0.00%";
            case RATE -> "0.0000######";
            case DATE -> "yyyy-mm-dd";
            case INTEGER -> "0";
        };
    }
}
