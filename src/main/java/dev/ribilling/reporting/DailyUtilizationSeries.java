package dev.ribilling.reporting;

import dev.ribilling.pricing.Utilization;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Partner-wide utilization per day of the period: Σ used ÷ Σ capacity over all reservations that day. One
 * running sum per day is all that is kept, however many reservation-day points stream in; points outside the
 * period are ignored and days without capacity stay empty (a gap in the chart, not a 0 %).
 *
 * <p>This is the chart a finance reader needs first: it shows on which days the partner's reservations as a
 * whole fell below the threshold, which a per-reservation chart of 25,000 lines cannot show. The reservations
 * behind a dip are found by sorting the Utilization sheet.
 */
final class DailyUtilizationSeries {

    record Day(LocalDate date, BigDecimal capacityUnits, BigDecimal usedUnits, BigDecimal threshold) {
        BigDecimal utilization() {
            return Utilization.of(usedUnits, capacityUnits);
        }
    }

    private DailyUtilizationSeries() {
    }

    static List<Day> of(YearMonth period, Iterator<DailyUtilizationPoint> points, BigDecimal threshold) {
        int days = period.lengthOfMonth();
        BigDecimal[] capacity = new BigDecimal[days];
        BigDecimal[] used = new BigDecimal[days];
        Arrays.fill(capacity, BigDecimal.ZERO);
        Arrays.fill(used, BigDecimal.ZERO);
        while (points.hasNext()) {
            DailyUtilizationPoint point = points.next();
            if (YearMonth.from(point.date()).equals(period)) {
                int i = point.date().getDayOfMonth() - 1;
                capacity[i] = capacity[i].add(point.capacityUnits());
                used[i] = used[i].add(point.usedUnits());
            }
        }
        List<Day> series = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            series.add(new Day(period.atDay(i + 1), capacity[i], used[i], threshold));
        }
        return series;
    }
}
