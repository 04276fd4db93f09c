package dev.ribilling.ingest;

import static dev.ribilling.testing.Fields.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.testing.Fields;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Scope, term, status and expiry rules of a reservations row. */
class ReservationRowTests {

    static Fields row() {
        return Fields.of("ReservationOrderId", "10000000-0000-4000-8000-0000000000AA", "ReservationId",
                "20000000-0000-4000-8000-0000000000AA", "CustomerId", "contoso", "SkuName", "Standard_D4s_v5",
                "Region", "East US", "Quantity", "2", "Term", "P3Y", "BillingPlan", "Upfront", "ScopeType", "Shared",
                "ScopeSubscriptionId", "", "ScopeResourceGroup", "", "InstanceFlexibility", "", "BenefitStart",
                "2025-03-10T09:00:00Z", "Expiry", "", "TotalPrice", "4036", "PricingCurrency", "USD", "Status", "",
                "CancelledAt", "", "ExchangedFrom", "", "ResellerId", "");
    }

    static ReservationRow parse(Fields f) {
        return ReservationRow.parse(f.reader());
    }

    @Test
    void aSharedReservationWithDefaults() {
        ReservationRow r = parse(row());
        assertThat(r.reservationOrderId()).isEqualTo("10000000-0000-4000-8000-0000000000aa");
        assertThat(r.reservationId()).isEqualTo("20000000-0000-4000-8000-0000000000AA");
        assertThat(r.customerId()).isEqualTo("contoso");
        assertThat(r.skuName()).isEqualTo("standard_d4s_v5");
        assertThat(r.region()).isEqualTo("eastus");
        assertThat(r.quantity()).isEqualByComparingTo("2");
        assertThat(r.term()).isEqualTo("P3Y");
        assertThat(r.billingPlan()).isEqualTo("Upfront");
        assertThat(r.scopeType()).isEqualTo("Shared");
        assertThat(r.scopeSubscriptionId()).isNull();
        assertThat(r.instanceFlexibility()).as("On by default").isTrue();
        assertThat(r.benefitStart()).isEqualTo(Instant.parse("2025-03-10T09:00:00Z"));
        assertThat(r.expiry()).as("BenefitStart + 3 years").isEqualTo(Instant.parse("2028-03-10T09:00:00Z"));
        assertThat(r.expiryGiven()).isFalse();
        assertThat(r.totalPrice()).isEqualByComparingTo("4036");
        assertThat(r.pricingCurrency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(r.status()).isEqualTo("Active");
        assertThat(r.cancelledAt()).isNull();
        assertThat(r.resellerId()).isNull();
    }

    @Test
    void expiryDefaultsToBenefitStartPlusTheTerm() {
        assertThat(parse(row().with("Term", "P1Y").with("BenefitStart", "2026-10-14T13:00:00Z")).expiry())
                .isEqualTo(Instant.parse("2027-10-14T13:00:00Z"));
        assertThat(parse(row().with("Term", "p1y").with("BenefitStart", "2024-02-29T00:00:00Z")).expiry())
                .as("no 29 February next year").isEqualTo(Instant.parse("2025-02-28T00:00:00Z"));
        assertThat(parse(row().with("BenefitStart", "2026-10-16T12:00:30+02:00")).expiry())
                .isEqualTo(Instant.parse("2029-10-16T10:00:30Z"));
        ReservationRow given = parse(row().with("Term", "P1Y").with("Expiry", "2026-10-20T08:00:00Z"));
        assertThat(given.expiry()).isEqualTo(Instant.parse("2026-10-20T08:00:00Z"));
        assertThat(given.expiryGiven()).isTrue();
        assertThat(parse(row().with("Expiry", "2026-10-20")).expiry()).as("a plain date is 00:00 UTC")
                .isEqualTo(Instant.parse("2026-10-20T00:00:00Z"));
    }

    @Test
    void theDefaultAndTheSameExplicitExpiryAreTheSameValues() {
        String defaulted = parse(row()).values().toJson();
        String explicit = parse(row().with("Expiry", "2028-03-10T10:00:00+01:00")).values().toJson();
        assertThat(explicit).isEqualTo(defaulted);
        assertThat(parse(row().with("Expiry", "2028-03-11T09:00:00Z")).values().toJson()).isNotEqualTo(defaulted);
    }

    @Test
    void anExpiryNotAfterBenefitStartIsInvalid() {
        assertRejected(() -> parse(row().with("Expiry", "2025-03-10T09:00:00Z")), RejectReason.INVALID_RESERVATION,
                "Expiry 2025-03-10T09:00:00Z is not after BenefitStart 2025-03-10T09:00:00Z");
        assertRejected(() -> parse(row().with("Expiry", "2024-01-01")), RejectReason.INVALID_RESERVATION, "Expiry ");
    }

    @Test
    void theTermIsP1yOrP3y() {
        assertRejected(() -> parse(row().with("Term", "")), RejectReason.MISSING_FIELD, "Term is empty");
        assertRejected(() -> parse(row().with("Term", "P2Y")), RejectReason.MALFORMED_FIELD,
                "Term 'P2Y' must be one of P1Y, P3Y");
        assertRejected(() -> parse(row().with("Term", "1 Year")), RejectReason.MALFORMED_FIELD, "Term '1 Year'");
    }

    @Test
    void scopeRules() {
        assertThat(parse(row().with("ScopeType", "shared").with("ScopeSubscriptionId", "SUB-1")).scopeType())
                .isEqualTo("Shared");
        assertRejected(() -> parse(row().with("ScopeType", "")), RejectReason.MISSING_FIELD, "ScopeType is empty");
        assertRejected(() -> parse(row().with("ScopeType", "Tenant")), RejectReason.MALFORMED_FIELD,
                "ScopeType 'Tenant' must be one of Shared, Single, ResourceGroup");
        assertRejected(() -> parse(row().with("ScopeType", "Single")), RejectReason.MISSING_FIELD,
                "ScopeSubscriptionId is empty but ScopeType Single needs it");
        assertRejected(() -> parse(row().with("ScopeType", "ResourceGroup").with("ScopeResourceGroup", "rg-data")),
                RejectReason.MISSING_FIELD, "ScopeSubscriptionId is empty but ScopeType ResourceGroup needs it");
        assertRejected(() -> parse(row().with("ScopeType", "ResourceGroup").with("ScopeSubscriptionId", "SUB-1")),
                RejectReason.MISSING_FIELD, "ScopeResourceGroup is empty but ScopeType ResourceGroup needs it");

        ReservationRow single = parse(row().with("ScopeType", "single").with("ScopeSubscriptionId", "C0A1-0002"));
        assertThat(single.scopeType()).isEqualTo("Single");
        assertThat(single.scopeSubscriptionId()).isEqualTo("c0a1-0002");
        ReservationRow rg = parse(row().with("ScopeType", "ResourceGroup").with("ScopeSubscriptionId", "C0A1-0001")
                .with("ScopeResourceGroup", "RG-Data"));
        assertThat(rg.scopeSubscriptionId()).isEqualTo("c0a1-0001");
        assertThat(rg.scopeResourceGroup()).isEqualTo("rg-data");
    }

    @Test
    void statusAndCancelledAtGoTogether() {
        ReservationRow cancelled = parse(row().with("Status", "cancelled").with("CancelledAt", "2026-10-09T15:30:00Z"));
        assertThat(cancelled.status()).isEqualTo("Cancelled");
        assertThat(cancelled.cancelledAt()).isEqualTo(Instant.parse("2026-10-09T15:30:00Z"));
        ReservationRow exchanged = parse(row().with("Status", "Exchanged").with("CancelledAt", "2026-10-16T12:00:00+02:00"));
        assertThat(exchanged.status()).isEqualTo("Exchanged");
        assertThat(exchanged.cancelledAt()).isEqualTo(Instant.parse("2026-10-16T10:00:00Z"));

        assertRejected(() -> parse(row().with("Status", "Cancelled")), RejectReason.MISSING_FIELD,
                "CancelledAt is empty but Status is Cancelled");
        assertRejected(() -> parse(row().with("Status", "Exchanged")), RejectReason.MISSING_FIELD,
                "CancelledAt is empty but Status is Exchanged");
        // A CancelledAt with Status empty (Active by default) or Active is a cancellation.
        assertThat(parse(row().with("CancelledAt", "2026-10-09T15:30:00Z")).status()).isEqualTo("Cancelled");
        ReservationRow activeButCancelled = parse(row().with("Status", "Active").with("CancelledAt", "2026-10-09T15:30:00Z"));
        assertThat(activeButCancelled.status()).isEqualTo("Cancelled");
        assertThat(activeButCancelled.cancelledAt()).isEqualTo(Instant.parse("2026-10-09T15:30:00Z"));
        assertRejected(() -> parse(row().with("Status", "Expired")), RejectReason.MALFORMED_FIELD,
                "Status 'Expired' must be one of Active, Cancelled, Exchanged");
        assertRejected(() -> parse(row().with("Status", "Cancelled").with("CancelledAt", "2026-10-09T15:30:00")),
                RejectReason.MALFORMED_FIELD, "CancelledAt '2026-10-09T15:30:00' has no time zone");
    }

    @Test
    void fieldRejects() {
        assertRejected(() -> parse(row().with("BenefitStart", "2026-13-45T10:00:00Z")), RejectReason.MALFORMED_FIELD,
                "BenefitStart '2026-13-45T10:00:00Z' is not an ISO-8601 date-time");
        assertRejected(() -> parse(row().with("BenefitStart", "2026-10-20T10:00:00")), RejectReason.MALFORMED_FIELD,
                "BenefitStart '2026-10-20T10:00:00' has no time zone");
        assertRejected(() -> parse(row().with("TotalPrice", "521,00")), RejectReason.MALFORMED_FIELD,
                "TotalPrice '521,00' is not a decimal number");
        assertRejected(() -> parse(row().with("TotalPrice", "-1")), RejectReason.NEGATIVE_QUANTITY, "TotalPrice -1 is negative");
        assertRejected(() -> parse(row().with("Quantity", "-1")), RejectReason.NEGATIVE_QUANTITY,
                "Quantity -1 must be greater than zero");
        assertRejected(() -> parse(row().with("Quantity", "0")), RejectReason.MALFORMED_FIELD,
                "Quantity 0 must be greater than zero");
        assertRejected(() -> parse(row().with("CustomerId", "CON")), RejectReason.UNSAFE_ID, "CustomerId 'CON' is not allowed");
        assertRejected(() -> parse(row().with("ResellerId", "../r")), RejectReason.UNSAFE_ID, "ResellerId '../r' is not allowed");
        assertRejected(() -> parse(row().with("BillingPlan", "Yearly")), RejectReason.MALFORMED_FIELD,
                "BillingPlan 'Yearly' must be one of Upfront, Monthly");
        assertRejected(() -> parse(row().with("InstanceFlexibility", "Maybe")), RejectReason.MALFORMED_FIELD,
                "InstanceFlexibility 'Maybe' must be one of On, Off");
        assertRejected(() -> parse(row().with("PricingCurrency", "")), RejectReason.MISSING_FIELD, "PricingCurrency is empty");
        assertRejected(() -> parse(row().with("SkuName", "")), RejectReason.MISSING_FIELD, "SkuName is empty");
        assertThat(parse(row().with("InstanceFlexibility", "off")).instanceFlexibility()).isFalse();
        assertThat(parse(row().with("ResellerId", "5123456")).resellerId()).isEqualTo("5123456");
        assertThat(parse(row().with("ExchangedFrom", "20000000-0000-4000-8000-000000000007")).exchangedFrom())
                .isEqualTo("20000000-0000-4000-8000-000000000007");
    }

    @Test
    void onlyStatusCancelledAtExpiryScopeAndFlexibilityAreMutable() {
        assertThat(ReservationRow.MUTABLE).containsExactlyInAnyOrder("Status", "CancelledAt", "Expiry", "ScopeType",
                "ScopeSubscriptionId", "ScopeResourceGroup", "InstanceFlexibility");
        String before = parse(row()).values().toJson();
        String after = parse(row().with("Quantity", "3").with("TotalPrice", "6054").with("Status", "Cancelled")
                .with("CancelledAt", "2026-10-09T15:30:00Z")).values().toJson();
        assertThat(RowValues.changedNames(before, after)).containsExactly("Quantity", "TotalPrice", "Status", "CancelledAt");
        assertThat(RowValues.changedNames(before, parse(row().with("Quantity", "2.000")).values().toJson()))
                .as("2.000 equals 2").isEmpty();
    }
}
