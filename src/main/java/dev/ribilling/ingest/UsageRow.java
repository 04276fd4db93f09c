package dev.ribilling.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * A usage row as loaded. {@code subscriptionId} is the Azure subscription (EntitlementId when present);
 * {@code slotHours} is 1 for an hourly row (slotStart on the hour) and 24 for a daily row. Identifiers are in
 * their normal form (lower case; regions without spaces). {@code lineHash} identifies the descriptive columns
 * (everything but the slot, quantity and price), which the rows of one resource and meter share.
 */
public record UsageRow(String customerId, LocalDate usageDate, Instant slotStart, int slotHours,
        String subscriptionId, String billingSubscriptionId, String resourceGroup, String resourceUri,
        String meterCategory, String consumedService, String region, String vmSize, String vmSizeDisplay, BigDecimal quantity,
        BigDecimal unitPrice, Currency billingCurrency, Currency pricingCurrency, String pricingModel,
        String meterName, String chargeType, String additionalInfo, RowHash lineHash, String subscriptionDisplay) {

    public boolean hourly() {
        return slotHours == 1;
    }
}
