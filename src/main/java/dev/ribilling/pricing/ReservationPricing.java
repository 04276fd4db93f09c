package dev.ribilling.pricing;

import dev.ribilling.billing.Identifiers;
import dev.ribilling.billing.Money;
import java.util.Currency;
import java.util.Objects;

/**
 * What the calculators need to know about a reservation.
 *
 * @param totalPrice the lifetime price of all Quantity instances, in the reservation's PricingCurrency
 */
public record ReservationPricing(String reservationId, String skuName, String region, Money totalPrice,
        ReservationDates dates) {

    public ReservationPricing {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(totalPrice, "totalPrice");
        Objects.requireNonNull(dates, "dates");
        skuName = Identifiers.key(skuName);
        region = Identifiers.region(region);
    }

    public Currency pricingCurrency() {
        return totalPrice.currency();
    }
}
