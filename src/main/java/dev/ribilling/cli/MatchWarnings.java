package dev.ribilling.cli;

import dev.ribilling.batch.RunRecord;
import dev.ribilling.matching.MatchPeriod;
import dev.ribilling.matching.MatchStore;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The match alerts of a period (missing prices, rejected overlaps) as last-run.json warnings, one per subject. */
final class MatchWarnings {

    private MatchWarnings() {
    }

    static List<RunRecord.Warning> of(ConfigurableApplicationContext context, String period, String date) {
        MatchPeriod p = MatchPeriod.of(period, date);
        return context.getBean(JdbcTemplate.class).query("SELECT customer_id, kind, subject, MIN(alert_date), "
                + "MAX(alert_date), COUNT(*) FROM billing_alert WHERE source = ? AND alert_date BETWEEN ? AND ? "
                + "GROUP BY customer_id, kind, subject ORDER BY customer_id, kind, subject",
                (rs, n) -> new RunRecord.Warning(rs.getString(1), describe(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6))), MatchStore.ALERT_SOURCE, p.from(), p.to());
    }

    private static String describe(String kind, String subject, String first, String last, long days) {
        String when = first.equals(last) ? "on " + first : "on " + days + " days from " + first + " to " + last;
        return switch (kind) {
            case "MISSING_PRICE" -> "no compute price for " + subject + " " + when
                    + ": PaygEquivalent and Savings left empty";
            case "OVERLAPS_HOURLY_USAGE" -> subject + " rejected " + when + ": overlaps hourly usage";
            default -> kind + " " + subject + " " + when;
        };
    }
}
