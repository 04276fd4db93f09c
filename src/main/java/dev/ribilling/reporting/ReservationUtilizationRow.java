package dev.ribilling.reporting;

import dev.ribilling.pricing.Utilization;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * One reservation's month on the Utilization sheet; money in the reservation's PricingCurrency, full precision
 * (the writer rounds once, as contract section 5 asks).
 *
 * @param termEnd the date the benefit stops: the earlier of expiry and cancellation
 * @param paygEquivalent null when a compute price was missing
 * @param savings null when a compute price was missing
 */
public record ReservationUtilizationRow(String reservationId, String reservationOrderId, String customerId,
        String resellerId, String skuName, String region, BigDecimal quantity, LocalDate termEnd,
        BigDecimal capacityUnits, BigDecimal usedUnits, BigDecimal amortizedCost, BigDecimal paygEquivalent,
        BigDecimal savings, Currency currency) {

    public ReservationUtilizationRow {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(capacityUnits, "capacityUnits");
        Objects.requireNonNull(usedUnits, "usedUnits");
        Objects.requireNonNull(currency, "currency");
    }

    /** Null when the reservation had no capacity in the period. */
    public BigDecimal utilization() {
        return Utilization.of(usedUnits, capacityUnits);
    }
}
