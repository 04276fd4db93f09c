package dev.ribilling.cli;

import dev.ribilling.batch.RunRecord;
import dev.ribilling.invoicing.IssueInvoicesTasklet;
import java.time.YearMonth;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The invoice run's outcomes per customer (skips, revisions, refund cap) as last-run.json warnings. */
final class InvoiceWarnings {

    private InvoiceWarnings() {
    }

    static List<RunRecord.Warning> of(ConfigurableApplicationContext context, String period) {
        return context.getBean(JdbcTemplate.class).query("SELECT customer_id, message FROM billing_alert WHERE source = ? "
                + "AND alert_date = ? ORDER BY customer_id, id", (rs, n) -> new RunRecord.Warning(rs.getString(1),
                        rs.getString(2)), IssueInvoicesTasklet.ALERT_SOURCE, YearMonth.parse(period).atDay(1));
    }
}
