package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Invoices, their revisions and lines, and the drafts of an invoice run. */
@Repository
public class InvoiceStore {

    private static final String LINE_COLUMNS = "line_type, bill_to, reservation_id, subscription_id, sku_name, region, "
            + "pricing_model, charge_date, description, quantity, unit, amount, detail";

    private final JdbcTemplate jdbc;

    public InvoiceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An issued invoice and its latest revision. */
    public record Issued(String invoiceNumber, String customerId, BillTo billTo, YearMonth period, Currency currency,
            int latestRevision) {
    }

    /** What a revision recorded. */
    public record RevisionInfo(String invoiceNumber, int revision, LocalDate issueDate, LocalDate dueDate, String issuedBy,
            Instant issuedAt, String reason, BigDecimal total, BigDecimal adjustmentTotal, String inputs) {
    }

    // --- drafts -------------------------------------------------------------------------------------------------

    public void saveDraft(long jobInstanceId, String customerId, boolean skipped, List<Invoice> invoices) {
        jdbc.update("DELETE FROM invoice_draft WHERE job_instance_id = ? AND customer_id = ?", jobInstanceId, customerId);
        jdbc.update("DELETE FROM invoice_draft_customer WHERE job_instance_id = ? AND customer_id = ?", jobInstanceId,
                customerId);
        jdbc.update("INSERT INTO invoice_draft_customer (job_instance_id, customer_id, skipped) VALUES (?, ?, ?)",
                jobInstanceId, customerId, skipped);
        for (Invoice invoice : invoices) {
            List<Object[]> rows = new ArrayList<>();
            int n = 0;
            for (InvoiceLine line : invoice.lines()) {
                rows.add(draftRow(jobInstanceId, invoice, ++n, line));
            }
            jdbc.batchUpdate("INSERT INTO invoice_draft (job_instance_id, customer_id, currency, line_no, " + LINE_COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        }
    }

    private static Object[] draftRow(long jobInstanceId, Invoice invoice, int lineNo, InvoiceLine l) {
        LineKey k = l.key();
        return new Object[] {jobInstanceId, invoice.customerId(), invoice.currency().getCurrencyCode(), lineNo,
                l.type().name(), party(k.billTo()), k.reservationId(), k.subscriptionId(), k.skuName(), k.region(),
                k.pricingModel(), k.chargeDate(), l.description(), l.quantity(), l.unit(), l.amount().amount(), l.detail()};
    }

    /** Customers of a run: CustomerId -> skipped. */
    public Map<String, Boolean> draftCustomers(long jobInstanceId) {
        Map<String, Boolean> customers = new TreeMap<>();
        jdbc.query("SELECT customer_id, skipped FROM invoice_draft_customer WHERE job_instance_id = ?",
                rs -> {
                    customers.put(rs.getString(1), rs.getBoolean(2));
                }, jobInstanceId);
        return customers;
    }

    /** The computed invoices of one customer in a run, by bill-to party. */
    public Map<BillTo, Invoice> drafts(long jobInstanceId, String customerId, YearMonth period) {
        Map<BillTo, List<InvoiceLine>> lines = new TreeMap<>();
        Map<BillTo, Currency> currencies = new TreeMap<>();
        jdbc.query("SELECT currency, " + LINE_COLUMNS + " FROM invoice_draft WHERE job_instance_id = ? AND customer_id = ? "
                + "ORDER BY bill_to, line_no", rs -> {
                    Currency currency = Currency.getInstance(rs.getString(1));
                    InvoiceLine line = line(rs, 2, currency, null);
                    lines.computeIfAbsent(line.key().billTo(), b -> new ArrayList<>()).add(line);
                    currencies.put(line.key().billTo(), currency);
                }, jobInstanceId, customerId);
        Map<BillTo, Invoice> invoices = new TreeMap<>();
        lines.forEach((party, partyLines) -> invoices.put(party, new Invoice(customerId, period, party,
                currencies.get(party), partyLines)));
        return invoices;
    }

    // --- issued invoices ----------------------------------------------------------------------------------------

    public Map<BillTo, Issued> issued(YearMonth period, String customerId) {
        Map<BillTo, Issued> found = new TreeMap<>();
        jdbc.query("SELECT invoice_number, bill_to, currency, latest_revision FROM invoice WHERE period = ? AND customer_id = ?",
                rs -> {
                    BillTo party = BillTo.of(rs.getString(2));
                    found.put(party, new Issued(rs.getString(1), customerId, party, period,
                            Currency.getInstance(rs.getString(3)), rs.getInt(4)));
                }, period.toString(), customerId);
        return found;
    }

    public List<Issued> issuedInPeriod(YearMonth period) {
        return jdbc.query("SELECT invoice_number, customer_id, bill_to, currency, latest_revision FROM invoice "
                + "WHERE period = ? ORDER BY invoice_number", (rs, n) -> new Issued(rs.getString(1), rs.getString(2),
                        BillTo.of(rs.getString(3)), period, Currency.getInstance(rs.getString(4)), rs.getInt(5)),
                period.toString());
    }

    /** The full (non-adjustment) lines of a revision, or only its Adjustment lines. */
    public List<InvoiceLine> lines(String invoiceNumber, int revision, Currency currency, boolean adjustments) {
        return jdbc.query("SELECT " + LINE_COLUMNS + ", key_type FROM invoice_line WHERE invoice_number = ? AND revision = ? "
                + "AND (line_type = 'Adjustment') = ? ORDER BY line_no", (rs, n) -> line(rs, 1, currency,
                        rs.getString(14)), invoiceNumber, revision, adjustments);
    }

    public RevisionInfo revision(String invoiceNumber, int revision) {
        return jdbc.queryForObject("SELECT issue_date, due_date, issued_by, issued_at, reason, total, adjustment_total, "
                + "inputs FROM invoice_revision WHERE invoice_number = ? AND revision = ?", (rs, n) -> new RevisionInfo(
                        invoiceNumber, revision, rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getBigDecimal(6),
                        rs.getBigDecimal(7), rs.getString(8)), invoiceNumber, revision);
    }

    public long nextSequence() {
        Long max = jdbc.queryForObject("SELECT MAX(sequence_no) FROM invoice", Long.class);
        return max == null ? 1 : max + 1;
    }

    public void insertInvoice(String number, long sequence, Invoice invoice) {
        jdbc.update("INSERT INTO invoice (invoice_number, sequence_no, period, customer_id, bill_to, currency, latest_revision) "
                + "VALUES (?, ?, ?, ?, ?, ?, 0)", number, sequence, invoice.period().toString(), invoice.customerId(),
                party(invoice.billTo()), invoice.currency().getCurrencyCode());
    }

    /** Stores revision {@code revision} of an invoice: its full lines, its adjustments, and who, when, why. */
    public void insertRevision(String number, int revision, Invoice invoice, List<InvoiceLine> adjustments,
            RevisionInfo info, long jobExecutionId) {
        jdbc.update("INSERT INTO invoice_revision (invoice_number, revision, issue_date, due_date, issued_at, issued_by, "
                + "reason, total, adjustment_total, inputs, job_execution_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)", number,
                revision, info.issueDate(), info.dueDate(), Timestamp.from(info.issuedAt()), info.issuedBy(), info.reason(),
                invoice.total().amount(), revision > 1 ? sum(adjustments, invoice.currency()) : null, info.inputs(),
                jobExecutionId);
        List<Object[]> rows = new ArrayList<>();
        int n = 0;
        for (InvoiceLine line : invoice.lines()) {
            rows.add(lineRow(number, revision, ++n, line));
        }
        for (InvoiceLine line : adjustments) {
            rows.add(lineRow(number, revision, ++n, line));
        }
        jdbc.batchUpdate("INSERT INTO invoice_line (invoice_number, revision, line_no, key_type, " + LINE_COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        jdbc.update("UPDATE invoice SET latest_revision = ? WHERE invoice_number = ?", revision, number);
    }

    private static BigDecimal sum(List<InvoiceLine> lines, Currency currency) {
        Money total = Money.zero(currency);
        for (InvoiceLine l : lines) {
            total = total.plus(l.amount());
        }
        return total.amount();
    }

    private static Object[] lineRow(String number, int revision, int lineNo, InvoiceLine l) {
        LineKey k = l.key();
        return new Object[] {number, revision, lineNo, k.type().name(), l.type().name(), party(k.billTo()),
                k.reservationId(), k.subscriptionId(), k.skuName(), k.region(), k.pricingModel(), k.chargeDate(),
                l.description(), l.quantity(), l.unit(), l.amount().amount(), l.detail()};
    }

    /** Reads an invoice line from LINE_COLUMNS starting at {@code first}; keyType null means the line's own type. */
    private static InvoiceLine line(ResultSet rs, int first, Currency currency, String keyType) throws SQLException {
        InvoiceLineType type = InvoiceLineType.valueOf(rs.getString(first));
        InvoiceLineType ofKey = keyType == null ? type : InvoiceLineType.valueOf(keyType);
        LineKey key = new LineKey(BillTo.of(rs.getString(first + 1)), ofKey, rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                rs.getObject(first + 7, LocalDate.class));
        BigDecimal quantity = rs.getBigDecimal(first + 9);
        Money amount = new Money(rs.getBigDecimal(first + 11).setScale(Money.minorUnits(currency)), currency);
        return new InvoiceLine(type, key, rs.getString(first + 8), quantity == null ? null : quantity.stripTrailingZeros(),
                rs.getString(first + 10), amount, rs.getString(first + 12));
    }

    static String party(BillTo billTo) {
        return billTo.isDirect() ? "" : billTo.resellerId();
    }

    /** Input files used by a customer's period: its usage files, and every reference and reservation file. */
    public String inputsOf(String customerId, YearMonth period) {
        List<Map<String, Object>> files = jdbc.queryForList("SELECT DISTINCT f.file_name, f.sha256 FROM input_file f "
                + "WHERE f.id IN (SELECT DISTINCT file_id FROM usage_file_day WHERE customer_id = ? AND usage_date BETWEEN ? AND ?) "
                + "OR f.kind IN ('ISF', 'PRICES', 'FX_RATES', 'CUSTOMERS', 'RESERVATIONS') ORDER BY f.file_name, f.sha256",
                customerId, period.atDay(1), period.atEndOfMonth());
        StringBuilder json = new StringBuilder("[");
        for (Map<String, Object> f : files) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"file\":\"").append(((String) f.get("file_name")).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\",\"sha256\":\"").append(f.get("sha256")).append("\"}");
        }
        return json.append(']').toString();
    }
}
