package dev.ribilling.invoicing;

import dev.ribilling.output.SafeCsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders every invoice of the period from the stored revisions: {@code out/<YYYY-MM>/invoices/<CustomerId>/
 * <InvoiceNumber>-R<N>.csv/.xlsx} for the latest revision (the CSV byte for byte the same on every rerun), the
 * {@code -note} files of each revision after the first (written once: a later revision never overwrites an
 * earlier one's files), and one summary per reseller.
 */
@Component
public class InvoiceFilesTasklet implements Tasklet {

    private static final boolean[] NUMERIC = numericColumns();

    private final InvoiceStore store;
    private final InvoiceInputs inputs;
    private final String defaultOut;
    private final String partnerName;
    private final String partnerAddress;
    private final InvoiceWorkbookWriter workbooks = new InvoiceWorkbookWriter();
    private final ResellerSummaryWriter summaries = new ResellerSummaryWriter();

    public InvoiceFilesTasklet(InvoiceStore store, InvoiceInputs inputs, @Value("${billing.out:out}") String defaultOut,
            @Value("${billing.partner-name:}") String partnerName, @Value("${billing.partner-address:}") String partnerAddress) {
        this.store = store;
        this.inputs = inputs;
        this.defaultOut = defaultOut;
        this.partnerName = partnerName;
        this.partnerAddress = partnerAddress;
    }

    private static boolean[] numericColumns() {
        boolean[] numeric = new boolean[InvoiceCsv.HEADER.size()];
        for (int i = 0; i < numeric.length; i++) {
            String column = InvoiceCsv.HEADER.get(i);
            numeric[i] = column.equals("Revision") || column.equals("Quantity") || column.equals("UnitPrice")
                    || column.equals("Amount");
        }
        return numeric;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        var parameters = contribution.getStepExecution().getJobExecution().getJobParameters();
        YearMonth period = YearMonth.parse(parameters.getString("period"));
        String out = parameters.getString("out");
        write(Path.of(out == null ? defaultOut : out), period);
        return RepeatStatus.FINISHED;
    }

    public void write(Path out, YearMonth period) throws IOException {
        Map<String, List<ResellerSummaryRow>> byReseller = new TreeMap<>();
        for (InvoiceStore.Issued issued : store.issuedInPeriod(period)) {
            String customerName = inputs.customerName(issued.customerId());
            Path dir = out.resolve(period.toString()).resolve("invoices").resolve(SafeNames.require(issued.customerId()));
            InvoiceDocument latest = null;
            for (int revision = 1; revision <= issued.latestRevision(); revision++) {
                InvoiceStore.RevisionInfo info = store.revision(issued.invoiceNumber(), revision);
                Invoice invoice = new Invoice(issued.customerId(), period, issued.billTo(), issued.currency(),
                        store.lines(issued.invoiceNumber(), revision, issued.currency(), false));
                InvoiceDocument document = new InvoiceDocument(partnerName, partnerAddress, issued.invoiceNumber(), revision,
                        customerName, info.issueDate(), info.dueDate(), invoice, info.reason());
                String base = issued.invoiceNumber() + "-R" + revision;
                boolean isLatest = revision == issued.latestRevision();
                // A revision lists its Adjustments after the full lines (its total stays the full total); the note
                // holds the Adjustments alone.
                List<InvoiceLine> adjustments = revision == 1 ? List.of()
                        : store.lines(issued.invoiceNumber(), revision, issued.currency(), true);
                if (isLatest || !Files.exists(dir.resolve(base + ".csv"))) {
                    writeCsv(dir.resolve(base + ".csv"), InvoiceCsv.revisionRows(invoice, adjustments,
                            issued.invoiceNumber(), revision));
                    workbooks.writeInvoice(document, adjustments, dir.resolve(base + ".xlsx"));
                }
                if (revision > 1) {
                    if (isLatest || !Files.exists(dir.resolve(base + "-note.csv"))) {
                        writeCsv(dir.resolve(base + "-note.csv"), InvoiceCsv.rows(invoice, adjustments,
                                issued.invoiceNumber(), revision));
                        workbooks.writeNote(document, adjustments, dir.resolve(base + "-note.xlsx"));
                    }
                }
                latest = document;
            }
            if (!issued.billTo().isDirect() && latest != null) {
                byReseller.computeIfAbsent(issued.billTo().resellerId(), r -> new ArrayList<>())
                        .add(ResellerSummaryRow.of(latest));
            }
        }
        for (Map.Entry<String, List<ResellerSummaryRow>> e : byReseller.entrySet()) {
            summaries.write(out, e.getKey(), period, e.getValue());
        }
        writeAudit(out.resolve(period.toString()).resolve("audit.csv"), period);
    }

    static final String[] AUDIT_HEADER = {"InvoiceNumber", "Revision", "CustomerId", "ResellerId", "IssuedAt", "IssuedBy",
            "Reason", "TotalBefore", "TotalAfter", "Adjustment", "Currency", "Inputs"};
    private static final boolean[] AUDIT_NUMERIC = {false, true, false, false, false, false, false, true, true, true, false,
            false};

    /**
     * {@code out/<YYYY-MM>/audit.csv}: every revision of the month's invoices, who issued it, when, why, the totals
     * before and after, and the SHA-256 of every input it used.
     */
    private void writeAudit(Path target, YearMonth period) throws IOException {
        try (SafeCsvWriter csv = new SafeCsvWriter(target)) {
            csv.row(AUDIT_HEADER);
            for (InvoiceStore.Issued issued : store.issuedInPeriod(period)) {
                String before = "";
                for (int revision = 1; revision <= issued.latestRevision(); revision++) {
                    InvoiceStore.RevisionInfo info = store.revision(issued.invoiceNumber(), revision);
                    String after = dev.ribilling.billing.Money.round(info.total(), issued.currency()).toPlainString();
                    csv.row(new String[] {issued.invoiceNumber(), Integer.toString(revision), issued.customerId(),
                            issued.billTo().csvValue(), info.issuedAt().toString(), info.issuedBy(),
                            info.reason() == null ? "" : info.reason(), before, after,
                            info.adjustmentTotal() == null ? "" : dev.ribilling.billing.Money.round(info.adjustmentTotal(),
                                    issued.currency()).toPlainString(), issued.currency().getCurrencyCode(),
                            inputs(info.inputs())}, AUDIT_NUMERIC);
                    before = after;
                }
            }
        }
    }

    /** The stored JSON list of inputs as "file:sha256" separated by semicolons. */
    private static String inputs(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"file\":\"((?:[^\"\\\\]|\\\\.)*)\","
                + "\"sha256\":\"([0-9a-f]+)\"\\}").matcher(json);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(sb.isEmpty() ? "" : ";").append(m.group(1)).append(':').append(m.group(2));
        }
        return sb.toString();
    }

    private static void writeCsv(Path target, List<String[]> rows) throws IOException {
        try (SafeCsvWriter csv = new SafeCsvWriter(target)) {
            csv.row(InvoiceCsv.header());
            for (String[] row : rows) {
                csv.row(row, NUMERIC);
            }
        }
    }
}
