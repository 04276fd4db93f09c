package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * PAYG usage of the month that no reservation covered, per customer, subscription, size and region.
 *
 * @param vmSizeOrMeterCategory the VM size for Virtual Machines rows, else the MeterCategory
 * @param paygHours uncovered hours (the row Quantity not covered)
 * @param paygCost uncovered hours × UnitPrice, without markup, in {@code currency}
 */
public record UncoveredUsageRow(String customerId, String subscriptionId, String vmSizeOrMeterCategory, String region,
        String pricingModel, BigDecimal paygHours, BigDecimal paygCost, Currency currency) {
}
