package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sums the usage rows of one line key at full precision, converted row by row, and remembers enough
 * of what went in (row count, dates, source sums, rates) to write the line's "how computed" text.
 */
final class LineAccumulator {

    private final LineKey key;
    private final String description;
    private final String unit;
    private final String formula;
    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal converted = BigDecimal.ZERO;
    private int rows;
    private LocalDate first;
    private LocalDate last;
    private final Map<String, BigDecimal> sourceByCurrency = new TreeMap<>();
    private final Set<String> rates = new TreeSet<>();

    /** @param formula what one row contributes, e.g. "uncovered hours × UnitPrice" */
    LineAccumulator(LineKey key, String description, String unit, String formula) {
        this.key = key;
        this.description = description;
        this.unit = unit;
        this.formula = formula;
    }

    void add(LocalDate date, BigDecimal rowQuantity, Money sourceAmount, CurrencyConverter.AppliedRate rate) {
        rows++;
        first = first == null || date.isBefore(first) ? date : first;
        last = last == null || date.isAfter(last) ? date : last;
        quantity = quantity.add(rowQuantity, Money.MATH);
        converted = converted.add(rate.apply(sourceAmount.amount()), Money.MATH);
        sourceByCurrency.merge(sourceAmount.currency().getCurrencyCode(), sourceAmount.amount(),
                (a, b) -> a.add(b, Money.MATH));
        rates.add(rate.describe());
    }

    /** The line, rounded once after aggregation and markup; callers drop lines that round to zero. */
    InvoiceLine toLine(BigDecimal markupPct, Currency billingCurrency) {
        BigDecimal amount = converted.multiply(Percent.markupFactor(markupPct), Money.MATH);
        StringBuilder detail = new StringBuilder()
                .append(rows).append(rows == 1 ? " row " : " rows ").append(first)
                .append(first.equals(last) ? "" : ".." + last)
                .append("; Σ ").append(formula).append(" = ");
        detail.append(String.join(" + ", sourceByCurrency.entrySet().stream()
                .map(e -> Percent.plain(e.getValue()) + " " + e.getKey()).toList()));
        detail.append("; converted row by row at ").append(String.join(", ", rates))
                .append(" = ").append(Percent.plain(converted)).append(' ').append(billingCurrency.getCurrencyCode())
                .append("; × (1 + ").append(Percent.plain(markupPct)).append("/100) = ").append(Percent.plain(amount));
        Money rounded = new Money(Money.round(amount, billingCurrency), billingCurrency);
        return new InvoiceLine(key.type(), key, description, quantity, unit, rounded, detail.toString());
    }
}
