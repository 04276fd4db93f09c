package dev.ribilling.generate;

import java.math.BigDecimal;
import java.util.List;

/**
 * A generated customer.
 *
 * @param resellerId        the indirect reseller's MPN id, or null when the partner sells directly
 * @param regions           where its VMs run (one or two regions)
 * @param camelCaseLocation whether its usage writes {@code WestEurope} instead of {@code westeurope}
 */
record SyntheticCustomer(
        String customerId,
        String name,
        String billingCurrency,
        String resellerId,
        BigDecimal paygMarkupPct,
        BigDecimal reservationMarkupPct,
        List<Subscription> subscriptions,
        List<AzureRegion> regions,
        boolean camelCaseLocation) {

    record Subscription(String subscriptionId, List<String> resourceGroups, long storedGigabytes) {
    }
}
