package dev.ribilling.matching;

import dev.ribilling.billing.Identifiers;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One usage row as the matching engine sees it. Identifiers are kept in their normal form
 * ({@link Identifiers#key}, {@link Identifiers#region}) so that the hot loop compares plain strings.
 *
 * @param id             the stored usage row id; unique within one engine call, it is also the canonical
 *                       order that makes results independent of input order
 * @param subscriptionId the Azure subscription (EntitlementId when the file has one)
 * @param resourceUri    identifies the VM; used to find daily rows that overlap hourly rows of the same VM
 * @param vmSize         AdditionalInfo.ServiceType; null for rows that are not VM usage
 * @param eligibility    see {@link UsageEligibility#classify}
 * @param quantity       hours in the slot (non-negative)
 */
public record UsageRow(long id, String subscriptionId, String resourceGroup, String resourceUri, String region,
        String vmSize, Eligibility eligibility, UsageSlot slot, BigDecimal quantity) {

    public UsageRow {
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("negative quantity on usage row " + id);
        }
        subscriptionId = Identifiers.key(subscriptionId);
        resourceGroup = Identifiers.key(resourceGroup);
        resourceUri = Identifiers.key(resourceUri);
        region = Identifiers.region(region);
        vmSize = Identifiers.key(vmSize);
    }
}
