package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;

/**
 * The line chart of partner-wide daily utilization against the threshold, placed beside the Utilization table.
 *
 * <p>SXSSF streams rows but not drawings, so the chart is built on the sheet's XSSF drawing, which stays in
 * memory (it is small). Its series point at the cells of the Daily utilization sheet, so Excel redraws the chart
 * from them, and also carry the values as a cache, so the chart shows without recalculation and readers that
 * never recalculate (LibreOffice's converter, POI) see the data too.
 */
final class UtilizationChart {

    private static final int WIDTH_COLUMNS = 10;
    private static final int HEIGHT_ROWS = 22;

    private UtilizationChart() {
    }

    /**
     * @param column the first column right of the table, where the chart starts
     * @param days the series as written on {@code dataSheet} from its second row, with date, utilization and
     *     threshold in columns A, D and E
     */
    static XSSFChart add(SXSSFSheet sheet, int column, String dataSheet, List<DailyUtilizationSeries.Day> days,
            BigDecimal threshold) {
        sheet.createDrawingPatriarch();
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, 1, column + WIDTH_COLUMNS, 1 + HEIGHT_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Daily utilization, all reservations");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);

        XDDFCategoryAxis dates = chart.createCategoryAxis(AxisPosition.BOTTOM);
        dates.setTitle("Date");
        XDDFValueAxis utilization = chart.createValueAxis(AxisPosition.LEFT);
        utilization.setTitle("Utilization");
        utilization.setNumberFormat("0%");
        utilization.setMinimum(0);
        utilization.setMaximum(1);
        utilization.setCrosses(AxisCrosses.AUTO_ZERO);

        String[] labels = days.stream().map(d -> d.date().toString()).toArray(String[]::new);
        Double[] used = days.stream().map(d -> d.utilization() == null ? null : d.utilization().doubleValue())
                .toArray(Double[]::new);
        Double[] target = days.stream().map(d -> threshold.doubleValue()).toArray(Double[]::new);
        XDDFCategoryDataSource x = XDDFDataSourcesFactory.fromArray(labels, range(dataSheet, 0, days.size()));
        XDDFNumericalDataSource<Double> y = XDDFDataSourcesFactory.fromArray(used,
                range(dataSheet, SheetColumns.DAILY_UTILIZATION_COLUMN, days.size()));
        XDDFNumericalDataSource<Double> line = XDDFDataSourcesFactory.fromArray(target,
                range(dataSheet, SheetColumns.DAILY_UTILIZATION_COLUMN + 1, days.size()));

        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, dates, utilization);
        data.setVaryColors(false);
        XDDFLineChartData.Series actual = (XDDFLineChartData.Series) data.addSeries(x, y);
        actual.setTitle("Utilization", null);
        actual.setSmooth(false);
        actual.setMarkerStyle(MarkerStyle.CIRCLE);
        drawLine(actual, PresetColor.ROYAL_BLUE, null);
        XDDFLineChartData.Series thresholdLine = (XDDFLineChartData.Series) data.addSeries(x, line);
        thresholdLine.setTitle("Threshold", null);
        thresholdLine.setSmooth(false);
        thresholdLine.setMarkerStyle(MarkerStyle.NONE);
        drawLine(thresholdLine, PresetColor.DARK_RED, PresetLineDash.DASH);
        chart.plot(data);
        return chart;
    }

    /** Without explicit line properties some readers (LibreOffice) draw only the markers of a line series. */
    private static void drawLine(XDDFLineChartData.Series series, PresetColor color, PresetLineDash dash) {
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(color)));
        line.setWidth(2.0);
        if (dash != null) {
            line.setPresetDash(new XDDFPresetLineDash(dash));
        }
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line);
        series.setShapeProperties(shape);
    }

    private static String range(String sheet, int column, int rows) {
        // formatAsString quotes a sheet name with spaces: 'Daily utilization'!$D$2:$D$32
        return new CellRangeAddress(1, Math.max(1, rows), column, column).formatAsString(sheet, true);
    }
}
