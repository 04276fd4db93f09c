package dev.ribilling.invoicing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issues the invoices computed by this run, in one transaction: a customer's first invoice for a bill-to party gets
 * the next number (numbers assigned in (bill-to party, CustomerId) order) and revision 1; an issued invoice stays as
 * it is, unless this is a dispute rerun for its customer with a reason, which makes revision N+1 with Adjustment
 * lines when a rounded line amount changed. Outcomes are listed in billing_alert (source "invoice") for the summary.
 */
@Component
public class IssueInvoicesTasklet implements Tasklet {

    public static final String ALERT_SOURCE = "invoice";

    private final InvoiceStore store;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String prefix;
    private final int paymentDays;

    public IssueInvoicesTasklet(InvoiceStore store, JdbcTemplate jdbc, Clock clock,
            @Value("${billing.invoice-prefix:INV}") String prefix, @Value("${billing.payment-days:30}") int paymentDays) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.prefix = prefix;
        this.paymentDays = paymentDays;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        var parameters = jobExecution.getJobParameters();
        YearMonth period = YearMonth.parse(parameters.getString("period"));
        String disputeCustomer = parameters.getString("reason") == null ? null : parameters.getString("customer");
        String reason = parameters.getString("reason");
        long jobInstanceId = jobExecution.getJobInstanceId();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String issuedBy = System.getProperty("user.name", "unknown") + "@" + host();

        Map<InvoiceNumbers.InvoiceRef, Invoice> fresh = new TreeMap<>(InvoiceNumbers.ISSUE_ORDER);
        for (Map.Entry<String, Boolean> customer : store.draftCustomers(jobInstanceId).entrySet()) {
            String customerId = customer.getKey();
            if (customer.getValue()) {
                continue; // skipped: its reasons are already alerts
            }
            Map<BillTo, Invoice> drafts = store.drafts(jobInstanceId, customerId, period);
            Map<BillTo, InvoiceStore.Issued> issued = store.issued(period, customerId);
            for (Invoice draft : drafts.values()) {
                if (!issued.containsKey(draft.billTo())) {
                    fresh.put(InvoiceNumbers.InvoiceRef.of(draft), draft);
                }
            }
            for (InvoiceStore.Issued invoice : issued.values()) {
                Invoice recomputed = drafts.getOrDefault(invoice.billTo(),
                        new Invoice(customerId, period, invoice.billTo(), invoice.currency(), List.of()));
                List<InvoiceLine> previous = store.lines(invoice.invoiceNumber(), invoice.latestRevision(),
                        invoice.currency(), false);
                Optional<InvoiceRevisions.Revision> revision = InvoiceRevisions.revise(previous, recomputed);
                if (customerId.equals(disputeCustomer)) {
                    if (revision.isPresent()) {
                        int next = invoice.latestRevision() + 1;
                        store.insertRevision(invoice.invoiceNumber(), next, revision.get().invoice(),
                                revision.get().adjustments(), info(invoice.invoiceNumber(), next, today, issuedBy, reason,
                                        customerId, period), jobExecution.getId());
                        alert(customerId, period, "REVISION_ISSUED", invoice.invoiceNumber(), "revision " + next + " of "
                                + invoice.invoiceNumber() + " issued (" + reason + "): adjustments "
                                + revision.get().adjustmentTotal().amount().toPlainString() + " " + invoice.currency());
                    } else {
                        alert(customerId, period, "NO_REVISION", invoice.invoiceNumber(), "no line of "
                                + invoice.invoiceNumber() + " changed: no revision made");
                    }
                } else if (revision.isPresent()) {
                    alert(customerId, period, "RECOMPUTED_DIFFERS", invoice.invoiceNumber(), "recomputed "
                            + invoice.invoiceNumber() + " differs from revision " + invoice.latestRevision() + " by "
                            + revision.get().adjustmentTotal().amount().toPlainString() + " " + invoice.currency()
                            + ": rerun invoice with --customer " + customerId + " --reason TEXT to issue a revision");
                }
            }
        }
        long sequence = store.nextSequence();
        Map<InvoiceNumbers.InvoiceRef, String> numbers = InvoiceNumbers.assign(new ArrayList<>(fresh.keySet()), prefix,
                sequence);
        for (Map.Entry<InvoiceNumbers.InvoiceRef, String> e : numbers.entrySet()) {
            Invoice invoice = fresh.get(e.getKey());
            store.insertInvoice(e.getValue(), sequence++, invoice);
            store.insertRevision(e.getValue(), 1, invoice, List.of(), info(e.getValue(), 1, today, issuedBy, reason,
                    invoice.customerId(), period), jobExecution.getId());
        }
        contribution.getStepExecution().getExecutionContext().putInt("issued", numbers.size());
        return RepeatStatus.FINISHED;
    }

    private InvoiceStore.RevisionInfo info(String number, int revision, LocalDate today, String issuedBy, String reason,
            String customerId, YearMonth period) {
        return new InvoiceStore.RevisionInfo(number, revision, today, today.plusDays(paymentDays), issuedBy,
                clock.instant(), revision == 1 ? null : reason, null, null, store.inputsOf(customerId, period));
    }

    private void alert(String customerId, YearMonth period, String kind, String subject, String message) {
        jdbc.update("INSERT INTO billing_alert (source, customer_id, alert_date, kind, subject, message) VALUES (?,?,?,?,?,?)",
                ALERT_SOURCE, customerId, period.atDay(1), kind, subject, message);
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
