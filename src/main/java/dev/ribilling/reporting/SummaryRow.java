package dev.ribilling.reporting;

import dev.ribilling.billing.Money;
import dev.ribilling.pricing.Utilization;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * One row of the Summary sheet, in {@code currency} (the customer's BillingCurrency; the partner currency on the
 * partner total). The report job supplies the CUSTOMER rows; {@link SummaryAggregator} adds the others.
 *
 * @param resellerId the bill-to reseller, null when sold directly by the partner
 * @param partnerInvoiceCost Σ Microsoft partner-invoice Subtotals of the customer's rows in the period
 * @param usageCost billed usage at UnitPrice without markup (what the partner pays Microsoft for it)
 * @param billedAmount Σ totals of the customer's invoices of the month (already rounded per line)
 * @param paygEquivalent null when a compute price was missing
 * @param savings null when a compute price was missing
 * @param capacityUnits reservation capacity of the period, to compute utilization as a ratio of sums
 */
public record SummaryRow(SummaryLevel level, String resellerId, String customerId, String customerName,
        Currency currency, BigDecimal partnerInvoiceCost, BigDecimal usageCost, BigDecimal billedAmount,
        BigDecimal paygEquivalent, BigDecimal savings, BigDecimal capacityUnits, BigDecimal usedUnits, String note) {

    public SummaryRow {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(partnerInvoiceCost, "partnerInvoiceCost");
        Objects.requireNonNull(usageCost, "usageCost");
        Objects.requireNonNull(billedAmount, "billedAmount");
        capacityUnits = capacityUnits == null ? BigDecimal.ZERO : capacityUnits;
        usedUnits = usedUnits == null ? BigDecimal.ZERO : usedUnits;
    }

    public static SummaryRow customer(String resellerId, String customerId, String customerName, Currency currency,
            BigDecimal partnerInvoiceCost, BigDecimal usageCost, BigDecimal billedAmount, BigDecimal paygEquivalent,
            BigDecimal savings, BigDecimal capacityUnits, BigDecimal usedUnits) {
        return new SummaryRow(SummaryLevel.CUSTOMER, resellerId, customerId, customerName, currency,
                partnerInvoiceCost, usageCost, billedAmount, paygEquivalent, savings, capacityUnits, usedUnits, null);
    }

    /** What the partner pays Microsoft for this customer's month. */
    public BigDecimal partnerCost() {
        return partnerInvoiceCost.add(usageCost, Money.MATH);
    }

    public BigDecimal margin() {
        return billedAmount.subtract(partnerCost(), Money.MATH);
    }

    /** Margin as a share of the billed amount (of revenue, as finance reads margin); null when nothing was billed. */
    public BigDecimal marginShare() {
        return billedAmount.signum() == 0 ? null : margin().divide(billedAmount, Money.MATH);
    }

    public BigDecimal utilization() {
        return Utilization.of(usedUnits, capacityUnits);
    }
}
