package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * PaygUsage and SoftwareUsage lines of one customer and month (contract section 4): each row converted
 * at its usage date, summed per line key, marked up, then rounded once per line.
 */
public final class UsageLines {

    /** SoftwareUsage only when UnitPrice is MORE than 0.5 % above the compute price (price noise below). */
    public static final BigDecimal SOFTWARE_THRESHOLD = new BigDecimal("1.005");

    private static final Comparator<UsageCharge> ROW_ORDER = Comparator.comparing(UsageCharge::usageDate)
            .thenComparing(UsageCharge::subscriptionId)
            .thenComparing(UsageCharge::skuOrMeterCategory)
            .thenComparing(r -> String.valueOf(r.region()))
            .thenComparing(UsageCharge::pricingModel);

    private final CurrencyConverter converter;

    public UsageLines(CurrencyConverter converter) {
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    /**
     * @param rows the customer's matched usage rows of the month
     * @return rounded lines (zero lines included; the assembler drops them) or the reasons the customer
     *         cannot be invoiced (missing fx rates, covered rows without a compute price)
     */
    public Result build(CustomerAccount account, List<UsageCharge> rows) {
        Set<String> problems = new LinkedHashSet<>();
        Map<LineKey, LineAccumulator> lines = new LinkedHashMap<>();
        // Sorted so the display values kept for a key (first row seen) do not depend on input order.
        for (UsageCharge row : rows.stream().sorted(ROW_ORDER).toList()) {
            if (!row.customerId().equals(account.customerId())) {
                throw new IllegalArgumentException("usage row of " + row.customerId() + " given for " + account.customerId());
            }
            addPayg(account, row, lines, problems);
            addSoftware(account, row, lines, problems);
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), List.copyOf(problems));
        }
        List<InvoiceLine> result = new ArrayList<>();
        for (LineAccumulator line : lines.values()) {
            result.add(line.toLine(account.paygMarkupPct(), account.billingCurrency()));
        }
        return new Result(result, List.of());
    }

    private void addPayg(CustomerAccount account, UsageCharge row, Map<LineKey, LineAccumulator> lines,
            Set<String> problems) {
        BigDecimal uncovered = row.uncoveredQuantity();
        if (uncovered.signum() == 0) {
            return;
        }
        Money source = new Money(uncovered.multiply(row.unitPrice(), Money.MATH), row.pricingCurrency());
        Optional<CurrencyConverter.AppliedRate> rate = rowRate(account, row, source, problems);
        if (rate.isEmpty()) {
            return;
        }
        LineKey key = LineKey.usage(InvoiceLineType.PaygUsage, account.resellerAtPeriodEnd(), row);
        lines.computeIfAbsent(key, k -> new LineAccumulator(k, "Pay-as-you-go usage, " + k.skuName() + " "
                + k.region() + pricingModelText(row), row.unit(), "uncovered " + row.unit().toLowerCase() + " × UnitPrice"))
                .add(row.usageDate(), uncovered, source, rate.get());
    }

    private void addSoftware(CustomerAccount account, UsageCharge row, Map<LineKey, LineAccumulator> lines,
            Set<String> problems) {
        if (row.coveredHours().signum() == 0 || row.isLicenceMeter()) {
            return;
        }
        if (row.computePrice() == null) {
            problems.add("covered usage without a compute price: " + row.skuOrMeterCategory() + " " + row.region()
                    + " on " + row.usageDate());
            return;
        }
        Money compute = row.computePrice();
        // The compute price may come from a price sheet in another currency: compare in the row's currency.
        Optional<CurrencyConverter.AppliedRate> toRow = converter.rate(compute.currency(), row.pricingCurrency(),
                row.usageDate());
        if (toRow.isEmpty()) {
            problems.add(CurrencyConverter.missingReason(compute.currency(), row.pricingCurrency(), row.usageDate()));
            return;
        }
        BigDecimal computeInRow = toRow.get().apply(compute.amount());
        if (row.unitPrice().compareTo(computeInRow.multiply(SOFTWARE_THRESHOLD, Money.MATH)) <= 0) {
            return;
        }
        BigDecimal software = row.unitPrice().subtract(computeInRow, Money.MATH);
        Money source = new Money(row.coveredHours().multiply(software, Money.MATH), row.pricingCurrency());
        Optional<CurrencyConverter.AppliedRate> rate = rowRate(account, row, source, problems);
        if (rate.isEmpty()) {
            return;
        }
        LineKey key = LineKey.usage(InvoiceLineType.SoftwareUsage, account.resellerAtPeriodEnd(), row);
        lines.computeIfAbsent(key, k -> new LineAccumulator(k, "Software on reserved hours, " + k.skuName() + " "
                + k.region(), "Hours", "covered hours × (UnitPrice − compute price)"))
                .add(row.usageDate(), row.coveredHours(), source, rate.get());
    }

    private Optional<CurrencyConverter.AppliedRate> rowRate(CustomerAccount account, UsageCharge row, Money source,
            Set<String> problems) {
        Optional<CurrencyConverter.AppliedRate> rate = converter.rate(row.pricingCurrency(), account.billingCurrency(),
                row.usageDate());
        if (rate.isEmpty() && source.isZero()) {
            // A free row (UnitPrice 0) is no charge: its hours still count, and it must not block the invoice.
            return Optional.of(CurrencyConverter.AppliedRate.identity(row.pricingCurrency()));
        }
        if (rate.isEmpty()) {
            problems.add(CurrencyConverter.missingReason(row.pricingCurrency(), account.billingCurrency(),
                    row.usageDate()));
        }
        return rate;
    }

    private static String pricingModelText(UsageCharge row) {
        return row.pricingModel().isBlank() ? "" : " (" + row.pricingModel() + ")";
    }

    /** Either lines or problems, never both. */
    public record Result(List<InvoiceLine> lines, List<String> problems) {
    }
}
