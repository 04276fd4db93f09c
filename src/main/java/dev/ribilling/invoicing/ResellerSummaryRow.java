package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * One invoice on a reseller's monthly summary (contract section 4). Currency and IsCredit are read from
 * the total rather than stored, so a row can never claim a credit its total does not show.
 *
 * @param revision the revision the summary reports (normally the latest)
 * @param total the invoice total: the sum of its rounded lines ({@link Invoice#total()})
 */
public record ResellerSummaryRow(String invoiceNumber, int revision, String customerId, String customerName,
        Money total, LocalDate issueDate, LocalDate dueDate) {

    public ResellerSummaryRow {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(customerId, "customerId");
        customerName = Objects.requireNonNullElse(customerName, "");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        if (revision < 1) {
            throw new IllegalArgumentException("revisions count from 1: " + revision);
        }
        try {
            // A total is a sum of rounded lines, so only its scale may need fixing (an empty invoice's zero
            // has scale 0); setScale without a rounding mode refuses anything that would need rounding.
            total = new Money(total.amount().setScale(Money.minorUnits(total.currency())), total.currency());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("total not in minor units: " + total, e);
        }
    }

    /** The row of an issued invoice document. */
    public static ResellerSummaryRow of(InvoiceDocument document) {
        return new ResellerSummaryRow(document.invoiceNumber(), document.revision(), document.customerId(),
                document.customerName(), document.invoice().total(), document.issueDate(), document.dueDate());
    }

    public Currency currency() {
        return total.currency();
    }

    /** A negative total is a credit invoice. */
    public boolean isCredit() {
        return total.amount().signum() < 0;
    }
}
