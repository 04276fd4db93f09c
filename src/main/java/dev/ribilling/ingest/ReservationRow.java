package dev.ribilling.ingest;

import dev.ribilling.billing.Identifiers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Set;

/**
 * A reservations row. Expiry defaults to BenefitStart + Term. Only Status, CancelledAt, Expiry, the scope fields
 * and InstanceFlexibility may change after purchase ({@link #MUTABLE}).
 */
public record ReservationRow(String reservationOrderId, String reservationId, String customerId, String skuName,
        String skuDisplay, String region, BigDecimal quantity, String term, String billingPlan, String scopeType,
        String scopeSubscriptionId, String scopeResourceGroup, boolean instanceFlexibility, Instant benefitStart,
        Instant expiry, boolean expiryGiven, BigDecimal totalPrice, Currency pricingCurrency, String status,
        Instant cancelledAt, String exchangedFrom, String resellerId) {

    public static final Set<String> MUTABLE = Set.of("Status", "CancelledAt", "Expiry", "ScopeType",
            "ScopeSubscriptionId", "ScopeResourceGroup", "InstanceFlexibility");

    static ReservationRow parse(FieldReader f) {
        String scopeType = f.oneOf("ScopeType", null, "Shared", "Single", "ResourceGroup");
        String scopeSub = Identifiers.key(f.text("ScopeSubscriptionId"));
        String scopeRg = Identifiers.key(f.text("ScopeResourceGroup"));
        if (!scopeType.equals("Shared") && scopeSub == null) {
            throw new RowRejectedException(RejectReason.MISSING_FIELD,
                    "ScopeSubscriptionId is empty but ScopeType " + scopeType + " needs it");
        }
        if (scopeType.equals("ResourceGroup") && scopeRg == null) {
            throw new RowRejectedException(RejectReason.MISSING_FIELD,
                    "ScopeResourceGroup is empty but ScopeType ResourceGroup needs it");
        }
        String term = f.oneOf("Term", null, "P1Y", "P3Y");
        Instant benefitStart = f.dateTime("BenefitStart");
        Instant givenExpiry = f.optionalDateTime("Expiry");
        Instant expiry = givenExpiry != null ? givenExpiry
                : benefitStart.atOffset(ZoneOffset.UTC).plusYears(term.equals("P1Y") ? 1 : 3).toInstant();
        if (!expiry.isAfter(benefitStart)) {
            throw new RowRejectedException(RejectReason.INVALID_RESERVATION,
                    "Expiry " + expiry + " is not after BenefitStart " + benefitStart);
        }
        String status = f.oneOf("Status", "Active", "Active", "Cancelled", "Exchanged");
        Instant cancelledAt = f.optionalDateTime("CancelledAt");
        if (!status.equals("Active") && cancelledAt == null) {
            throw new RowRejectedException(RejectReason.MISSING_FIELD, "CancelledAt is empty but Status is " + status);
        }
        if (status.equals("Active") && cancelledAt != null) {
            // Contract section 3 ends capacity and amortization at CancelledAt whatever the Status says, and a
            // cancellation is what CancelledAt records: the row is a cancellation, never lost as a reject.
            status = "Cancelled";
        }
        return new ReservationRow(Identifiers.key(f.required("ReservationOrderId")), f.required("ReservationId"),
                f.safeId("CustomerId"), Identifiers.key(f.required("SkuName")), f.required("SkuName"),
                Identifiers.region(f.required("Region")),
                f.positive("Quantity"), term, f.oneOf("BillingPlan", null, "Upfront", "Monthly"), scopeType, scopeSub,
                scopeRg, f.oneOf("InstanceFlexibility", "On", "On", "Off").equals("On"), benefitStart, expiry,
                givenExpiry != null, f.nonNegative("TotalPrice"), f.currency("PricingCurrency"), status, cancelledAt,
                f.text("ExchangedFrom"), f.optionalSafeId("ResellerId"));
    }

    /** Canonical values as given in the file (Expiry after its default is applied, so both spellings are equal). */
    RowValues values() {
        return new RowValues().put("ReservationOrderId", reservationOrderId).put("ReservationId", reservationId)
                .put("CustomerId", customerId).put("SkuName", skuName).put("Region", region).put("Quantity", quantity)
                .put("Term", term).put("BillingPlan", billingPlan).put("ScopeType", scopeType)
                .put("ScopeSubscriptionId", scopeSubscriptionId).put("ScopeResourceGroup", scopeResourceGroup)
                .put("InstanceFlexibility", instanceFlexibility ? "On" : "Off").put("BenefitStart", benefitStart)
                .put("Expiry", expiry).put("TotalPrice", totalPrice).put("PricingCurrency", pricingCurrency)
                .put("Status", status).put("CancelledAt", cancelledAt).put("ExchangedFrom", exchangedFrom)
                .put("ResellerId", resellerId);
    }
}
