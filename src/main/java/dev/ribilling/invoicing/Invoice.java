package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * One invoice: a customer, a month and a bill-to party, in the customer's BillingCurrency. The total is
 * the sum of the rounded lines, so it needs no rounding of its own; a negative total is a credit invoice.
 */
public record Invoice(String customerId, YearMonth period, BillTo billTo, Currency currency, List<InvoiceLine> lines) {

    public Invoice {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(billTo, "billTo");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        for (InvoiceLine line : lines) {
            if (!line.amount().currency().equals(currency) || !line.key().billTo().equals(billTo)) {
                throw new IllegalArgumentException("line " + line.key() + " does not belong to this invoice");
            }
        }
    }

    public Money total() {
        return lines.stream().map(InvoiceLine::amount).reduce(Money.zero(currency), Money::plus);
    }

    public boolean isCredit() {
        return total().amount().signum() < 0;
    }
}
