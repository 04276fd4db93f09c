package dev.ribilling.pipeline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a nightly run on day D re-matches and closes (contract section 1): every day that received new usage, plus
 * D-1 to D-3 (usage arrives up to three days late), grouped by month; and on the close day, the previous month.
 * Pure.
 */
public record NightlyPlan(LocalDate runDate, Map<YearMonth, TreeSet<LocalDate>> daysToMatch, YearMonth monthToClose) {

    public static NightlyPlan of(LocalDate runDate, Collection<LocalDate> daysWithNewUsage, int closeDay) {
        Map<YearMonth, TreeSet<LocalDate>> days = new TreeMap<>();
        for (LocalDate d : daysWithNewUsage) {
            days.computeIfAbsent(YearMonth.from(d), m -> new TreeSet<>()).add(d);
        }
        for (int back = 1; back <= 3; back++) {
            LocalDate d = runDate.minusDays(back);
            days.computeIfAbsent(YearMonth.from(d), m -> new TreeSet<>()).add(d);
        }
        YearMonth close = runDate.getDayOfMonth() == closeDay ? YearMonth.from(runDate).minusMonths(1) : null;
        return new NightlyPlan(runDate, days, close);
    }

    /** The month whose month-to-date outputs are refreshed: the month of D-1. */
    public YearMonth currentMonth() {
        return YearMonth.from(runDate.minusDays(1));
    }
}
