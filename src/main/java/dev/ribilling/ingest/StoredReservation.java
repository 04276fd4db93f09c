package dev.ribilling.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.Currency;

/** A reservation as stored (current version), with its frozen partner of record and markup. */
public record StoredReservation(String reservationId, String reservationOrderId, String customerId, String skuName,
        String skuDisplay, String region, BigDecimal quantity, String term, String billingPlan, String scopeType,
        String scopeSubscriptionId, String scopeResourceGroup, boolean instanceFlexibility, Instant benefitStart,
        Instant expiry, BigDecimal totalPrice, Currency pricingCurrency, String status, Instant cancelledAt,
        String exchangedFrom, String resellerId, BigDecimal reservationMarkupPct, Instant firstLoadedAt) {

    public Period termPeriod() {
        return term.equals("P3Y") ? Period.ofYears(3) : Period.ofYears(1);
    }

    /** The end of the benefit: the earlier of Expiry and CancelledAt. */
    public Instant activeUntil() {
        return cancelledAt != null && cancelledAt.isBefore(expiry) ? cancelledAt : expiry;
    }
}
