package dev.ribilling.invoicing;

import java.time.YearMonth;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores each customer's computed invoices as drafts of this run, and its skip reasons and refund-cap alerts as
 * alerts of the period (replacing those of an earlier run, so a rerun never duplicates them).
 */
public class InvoiceDraftWriter implements ItemWriter<CustomerInvoiceDraft> {

    private final long jobInstanceId;
    private final YearMonth period;
    private final InvoiceStore store;
    private final JdbcTemplate jdbc;

    public InvoiceDraftWriter(long jobInstanceId, YearMonth period, InvoiceStore store, JdbcTemplate jdbc) {
        this.jobInstanceId = jobInstanceId;
        this.period = period;
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends CustomerInvoiceDraft> chunk) {
        for (CustomerInvoiceDraft draft : chunk) {
            jdbc.update("DELETE FROM billing_alert WHERE source = ? AND customer_id = ? AND alert_date = ?",
                    IssueInvoicesTasklet.ALERT_SOURCE, draft.customerId(), period.atDay(1));
            if (draft.result() instanceof CustomerInvoicing.Issued issued) {
                store.saveDraft(jobInstanceId, draft.customerId(), false, issued.invoices());
            } else if (draft.result() instanceof CustomerInvoicing.Skipped skipped) {
                store.saveDraft(jobInstanceId, draft.customerId(), true, List.of());
                for (String reason : skipped.reasons()) {
                    alert(draft.customerId(), "CUSTOMER_SKIPPED", "not invoiced: " + reason);
                }
            }
            for (RefundCapAlert alert : draft.refundCapAlerts()) {
                alert(draft.customerId(), "REFUND_CAP_" + alert.kind().name(), alert.message());
            }
        }
    }

    private void alert(String customerId, String kind, String message) {
        jdbc.update("INSERT INTO billing_alert (source, customer_id, alert_date, kind, subject, message) VALUES (?,?,?,?,?,?)",
                IssueInvoicesTasklet.ALERT_SOURCE, customerId, period.atDay(1), kind, customerId,
                message.length() > 1000 ? message.substring(0, 999) : message);
    }
}
