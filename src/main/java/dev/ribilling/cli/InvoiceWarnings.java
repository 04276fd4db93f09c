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

    /**
     * A month that was matched and invoiced (the run command, the nightly close day): the match's alerts and the
     * invoice run's outcomes, printed as the match and invoice commands print them.
     */
    static List<RunRecord.Warning> ofMatchedAndInvoiced(ConfigurableApplicationContext context, String period,
            java.io.PrintWriter console) {
        List<RunRecord.Warning> alerts = MatchWarnings.of(context, period, null);
        alerts.forEach(w -> console.println("alert: " + w.customerId() + ": " + w.reason()));
        List<RunRecord.Warning> invoiced = of(context, period);
        invoiced.forEach(w -> console.println("invoice: " + w.customerId() + ": " + w.reason()));
        List<RunRecord.Warning> all = new java.util.ArrayList<>(alerts);
        all.addAll(invoiced);
        return all;
    }
}
