package dev.ribilling.matching;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a match run covers: a whole month, one day of it (contract: match --period P [--date D]), or a list of its
 * days (the nightly run re-matches the days that received usage).
 */
public record MatchPeriod(YearMonth month, List<LocalDate> days) {

    public static MatchPeriod of(String period, String date) {
        return of(period, date, null);
    }

    /** @param dates comma-separated days of the month, or null */
    public static MatchPeriod of(String period, String date, String dates) {
        YearMonth month = YearMonth.parse(period);
        TreeSet<LocalDate> days = new TreeSet<>();
        if (dates != null && !dates.isBlank()) {
            for (String d : dates.split(",")) {
                LocalDate day = LocalDate.parse(d.trim());
                if (!YearMonth.from(day).equals(month)) {
                    throw new IllegalArgumentException(day + " is not in " + month);
                }
                days.add(day);
            }
        } else if (date != null && !date.isBlank()) {
            days.add(LocalDate.parse(date));
        } else {
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return new MatchPeriod(month, new ArrayList<>(days));
    }

    public LocalDate from() {
        return days.get(0);
    }

    public LocalDate to() {
        return days.get(days.size() - 1);
    }
}
