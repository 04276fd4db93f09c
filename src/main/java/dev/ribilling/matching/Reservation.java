package dev.ribilling.matching;

import dev.ribilling.billing.Identifiers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A reservation as the matching engine needs it. Identifiers are kept in normal form, except the
 * reservation id, which is reported back as given.
 *
 * @param expiry      required: the batch side applies the default (BenefitStart + Term) before calling
 * @param cancelledAt null when not cancelled or exchanged
 */
public record Reservation(String reservationId, String skuName, String region, BigDecimal quantity,
        ScopeType scopeType, String scopeSubscriptionId, String scopeResourceGroup, boolean instanceFlexibility,
        Instant benefitStart, Instant expiry, Instant cancelledAt) {

    public Reservation {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(scopeType, "scopeType");
        Objects.requireNonNull(benefitStart, "benefitStart");
        Objects.requireNonNull(expiry, "expiry");
        skuName = Objects.requireNonNull(Identifiers.key(skuName), "skuName");
        region = Objects.requireNonNull(Identifiers.region(region), "region");
        scopeSubscriptionId = Identifiers.key(scopeSubscriptionId);
        scopeResourceGroup = Identifiers.key(scopeResourceGroup);
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("reservation " + reservationId + " needs a positive quantity");
        }
        if (scopeType != ScopeType.SHARED && scopeSubscriptionId == null) {
            throw new IllegalArgumentException("reservation " + reservationId + " needs a scope subscription");
        }
        if (scopeType == ScopeType.RESOURCE_GROUP && scopeResourceGroup == null) {
            throw new IllegalArgumentException("reservation " + reservationId + " needs a scope resource group");
        }
    }

    /** End of the benefit (exclusive): the earlier of Expiry and CancelledAt. */
    public Instant activeUntil() {
        return cancelledAt != null && cancelledAt.isBefore(expiry) ? cancelledAt : expiry;
    }

    /** Whether this reservation's scope includes a usage row of the given subscription and resource group. */
    public boolean scopeIncludes(String subscriptionId, String resourceGroup) {
        return switch (scopeType) {
            case RESOURCE_GROUP -> scopeSubscriptionId.equals(subscriptionId)
                    && scopeResourceGroup.equals(resourceGroup);
            case SINGLE -> scopeSubscriptionId.equals(subscriptionId);
            case SHARED -> true;
        };
    }
}
