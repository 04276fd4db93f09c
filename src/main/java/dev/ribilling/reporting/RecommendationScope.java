package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * What a purchase recommendation is computed for, with the customer's own hourly prices per normalized unit
 * (domain.md section 7: the customer's own on-demand rates).
 *
 * @param normalizedSize the group's ratio-1 size, shown to say what one unit is; may be null
 * @param riHourly reservation price of one normalized unit per hour (amortized: term price ÷ term hours)
 * @param paygHourly PAYG compute price of one normalized unit per hour
 */
public record RecommendationScope(String customerId, String region, String flexibilityGroup, String normalizedSize,
        Currency currency, BigDecimal riHourly, BigDecimal paygHourly) {

    public RecommendationScope {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(riHourly, "riHourly");
        Objects.requireNonNull(paygHourly, "paygHourly");
        if (paygHourly.signum() <= 0 || riHourly.signum() < 0) {
            throw new IllegalArgumentException("prices must be positive: ri " + riHourly + ", payg " + paygHourly);
        }
    }
}
