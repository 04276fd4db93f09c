package dev.ribilling.invoicing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a person-readable invoice (or revision note) shows: the header of contract section 4 and the
 * {@link Invoice} whose lines are already rounded. Bill-to party, period and currency are read from the
 * invoice rather than stored twice, so the header can never disagree with the lines. The "how computed"
 * text of each line is {@link InvoiceLine#detail()}.
 *
 * @param partnerName the issuing partner (configuration)
 * @param partnerAddress the partner's postal address (configuration); line breaks are shown as ", "
 * @param invoiceNumber {@code <prefix>-<YYYY>-<6-digit sequence>}, assigned by {@link InvoiceNumbers}
 * @param revision 1 for the first issue, N for revision N
 * @param customerName the customer's display name; empty when unknown
 * @param issueDate the date the revision is issued; also fixes the workbook's created date
 * @param dueDate issue date + {@code billing.payment-days}
 * @param revisionReason why the revision was made ({@code --reason}); null for the first issue or no reason
 */
public record InvoiceDocument(String partnerName, String partnerAddress, String invoiceNumber, int revision,
        String customerName, LocalDate issueDate, LocalDate dueDate, Invoice invoice, String revisionReason) {

    /** Contract section 4: the header says amounts exclude tax. */
    public static final String TAX_NOTE = "Amounts exclude tax";

    public InvoiceDocument {
        Objects.requireNonNull(partnerName, "partnerName");
        partnerAddress = Objects.requireNonNullElse(partnerAddress, "");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        customerName = Objects.requireNonNullElse(customerName, "");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(invoice, "invoice");
        if (invoiceNumber.isBlank()) {
            throw new IllegalArgumentException("invoice number is blank");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revisions count from 1: " + revision);
        }
        if (dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException("due date " + dueDate + " is before issue date " + issueDate);
        }
        // A blank --reason carries no information; treating it as absent keeps the header free of empty rows.
        if (revisionReason != null && revisionReason.isBlank()) {
            revisionReason = null;
        }
    }

    public String customerId() {
        return invoice.customerId();
    }

    public BillTo billTo() {
        return invoice.billTo();
    }

    /** The bill-to party as the header shows it: the ResellerId, or "direct" for the partner's own sales. */
    public String billToLabel() {
        return invoice.billTo().toString();
    }

    public YearMonth period() {
        return invoice.period();
    }

    public Currency currency() {
        return invoice.currency();
    }

    public Optional<String> reason() {
        return Optional.ofNullable(revisionReason);
    }

    /** The address on one line: a spreadsheet cell shows embedded line breaks only with wrapping and row heights. */
    public String partnerAddressLine() {
        return String.join(", ", partnerAddress.strip().split("\\s*\\R\\s*"));
    }
}
