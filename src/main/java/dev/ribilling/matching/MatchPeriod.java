package dev.ribilling.matching;

import java.time.LocalDate;
import java.time.YearMonth;

/** What a match run covers: a whole month, or one day of it (contract: match --period P [--date D]). */
public record MatchPeriod(YearMonth month, LocalDate from, LocalDate to) {

    public static MatchPeriod of(String period, String date) {
        YearMonth month = YearMonth.parse(period);
        if (date == null || date.isBlank()) {
            return new MatchPeriod(month, month.atDay(1), month.atEndOfMonth());
        }
        LocalDate day = LocalDate.parse(date);
        return new MatchPeriod(month, day, day);
    }
}
