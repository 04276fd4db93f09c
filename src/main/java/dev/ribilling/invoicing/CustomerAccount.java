package dev.ribilling.invoicing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * What invoicing needs to know about a customer for one billing month.
 *
 * @param resellerAtPeriodEnd the customer's ResellerId in effect on the last day of the period
 *        (usage lines are billed to it); {@link BillTo#DIRECT} when sold directly
 * @param paygMarkupPct markup m in percent for PaygUsage and SoftwareUsage lines (10 means +10 %)
 */
public record CustomerAccount(String customerId, Currency billingCurrency, BigDecimal paygMarkupPct,
        BillTo resellerAtPeriodEnd) {

    public CustomerAccount {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(billingCurrency, "billingCurrency");
        Objects.requireNonNull(paygMarkupPct, "paygMarkupPct");
        resellerAtPeriodEnd = resellerAtPeriodEnd == null ? BillTo.DIRECT : resellerAtPeriodEnd;
    }
}
