package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/** Test data with readable defaults; every test states the values it depends on. */
final class Fixtures {

    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");

    private Fixtures() {
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    static CustomerAccount customer(String id, Currency currency, String paygMarkupPct, String resellerId) {
        return new CustomerAccount(id, currency, dec(paygMarkupPct), BillTo.of(resellerId));
    }

    static ReservationBuilder reservation(String id) {
        return new ReservationBuilder(id);
    }

    static UsageBuilder usage(String subscription, String vmSize, String usageDate) {
        return new UsageBuilder(subscription, vmSize, date(usageDate));
    }

    static final class ReservationBuilder {
        private final String id;
        private String customerId = "C1";
        private String sku = "Standard_D2s_v3";
        private String region = "westeurope";
        private int quantity = 1;
        private Term term = Term.P1Y;
        private BillingPlan plan = BillingPlan.UPFRONT;
        private Instant benefitStart = at("2025-03-10T13:00:00Z");
        private Instant expiry;
        private BigDecimal totalPrice = dec("3650");
        private Currency currency = USD;
        private ReservationStatus status = ReservationStatus.ACTIVE;
        private Instant cancelledAt;
        private String exchangedFrom;
        private BillTo partner = BillTo.DIRECT;
        private BigDecimal markupPct = BigDecimal.ZERO;

        ReservationBuilder(String id) {
            this.id = id;
        }

        ReservationBuilder customer(String value) { customerId = value; return this; }
        ReservationBuilder quantity(int value) { quantity = value; return this; }
        ReservationBuilder term(Term value) { term = value; return this; }
        ReservationBuilder monthly() { plan = BillingPlan.MONTHLY; return this; }
        ReservationBuilder start(String iso) { benefitStart = at(iso); return this; }
        ReservationBuilder expiry(String iso) { expiry = at(iso); return this; }
        ReservationBuilder price(String value) { totalPrice = dec(value); return this; }
        ReservationBuilder currency(Currency value) { currency = value; return this; }
        ReservationBuilder partner(String resellerId) { partner = BillTo.of(resellerId); return this; }
        ReservationBuilder markup(String pct) { markupPct = dec(pct); return this; }
        ReservationBuilder exchangedFrom(String reservationId) { exchangedFrom = reservationId; return this; }

        ReservationBuilder cancelled(String iso) {
            status = ReservationStatus.CANCELLED;
            cancelledAt = at(iso);
            return this;
        }

        ReservationBuilder exchanged(String iso) {
            status = ReservationStatus.EXCHANGED;
            cancelledAt = iso == null ? null : at(iso);
            return this;
        }

        ReservationTerms build() {
            return new ReservationTerms(id, "order-" + id, customerId, sku, region, quantity, term, plan, benefitStart,
                    expiry, totalPrice, currency, status, cancelledAt, exchangedFrom, partner, markupPct);
        }
    }

    static final class UsageBuilder {
        private String customerId = "C1";
        private final String subscription;
        private String meterCategory = "Virtual Machines";
        private final String vmSize;
        private String region = "westeurope";
        private String pricingModel = "OnDemand";
        private final LocalDate usageDate;
        private BigDecimal quantity = dec("24");
        private BigDecimal covered = BigDecimal.ZERO;
        private BigDecimal unitPrice = dec("0.10");
        private Currency currency = USD;
        private Money computePrice;

        UsageBuilder(String subscription, String vmSize, LocalDate usageDate) {
            this.subscription = subscription;
            this.vmSize = vmSize;
            this.usageDate = usageDate;
        }

        UsageBuilder customer(String value) { customerId = value; return this; }
        UsageBuilder meterCategory(String value) { meterCategory = value; return this; }
        UsageBuilder region(String value) { region = value; return this; }
        UsageBuilder pricingModel(String value) { pricingModel = value; return this; }
        UsageBuilder hours(String total, String coveredHours) { quantity = dec(total); covered = dec(coveredHours); return this; }
        UsageBuilder unitPrice(String value, Currency in) { unitPrice = dec(value); currency = in; return this; }
        UsageBuilder computePrice(String value, Currency in) { computePrice = new Money(dec(value), in); return this; }

        UsageCharge build() {
            return new UsageCharge(customerId, subscription, meterCategory, vmSize, region, pricingModel, usageDate,
                    quantity, covered, unitPrice, currency, computePrice);
        }
    }
}
