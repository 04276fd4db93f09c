package dev.ribilling.generate;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A generated reservation, in the contract's reservations-file terms.
 *
 * @param scopeSubscriptionId set for Single and ResourceGroup scopes
 * @param scopeResourceGroup  set for ResourceGroup scope
 * @param cancelledAt         set when {@code status} is Cancelled
 */
record SyntheticReservation(
        String reservationOrderId,
        String reservationId,
        SyntheticCustomer customer,
        VmSize size,
        AzureRegion region,
        int quantity,
        ReservationTerm term,
        BillingPlan billingPlan,
        Scope scope,
        String scopeSubscriptionId,
        String scopeResourceGroup,
        boolean instanceFlexibility,
        Instant benefitStart,
        Instant expiry,
        BigDecimal totalPrice,
        Status status,
        Instant cancelledAt) {

    // Constant names are the values the reservations file uses, so name() is what gets written.

    enum BillingPlan {
        Upfront, Monthly
    }

    enum Scope {
        Shared, Single, ResourceGroup
    }

    enum Status {
        Active, Cancelled
    }
}
