package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One invoice line, amount rounded once (Money.round) in the customer's BillingCurrency.
 *
 * @param type the line's LineType; {@link InvoiceLineType#Adjustment} on revision notes
 * @param key the revision key; for an Adjustment it is the key of the line it adjusts
 * @param quantity instances for reservation lines, hours (or meter units) for usage; null on adjustments
 * @param unit unit of {@code quantity}; null on adjustments
 * @param detail "how computed": inputs, rates and formula with numbers
 */
public record InvoiceLine(InvoiceLineType type, LineKey key, String description, BigDecimal quantity, String unit,
        Money amount, String detail) {

    public InvoiceLine {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(amount, "amount");
        if (type != InvoiceLineType.Adjustment && type != key.type()) {
            throw new IllegalArgumentException("line type " + type + " differs from its key's " + key.type());
        }
        if (amount.amount().scale() != Money.minorUnits(amount.currency())) {
            // Guards the "rounded once" rule: callers must hand in Money.round results.
            throw new IllegalArgumentException("line amount not rounded to minor units: " + amount);
        }
    }

    public boolean isAdjustment() {
        return type == InvoiceLineType.Adjustment;
    }
}
