package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An existing reservation over the look-back window, for the "reduce" check.
 *
 * @param quantity instances of {@code sku}
 * @param utilization used ÷ capacity over the window (a ratio of sums), null when it had no capacity
 * @param riHourly amortized price of one instance per hour
 * @param paygHourly PAYG compute price of one instance of {@code sku} per hour
 */
public record ReservationUsageFacts(String reservationId, String customerId, String region, String flexibilityGroup,
        String sku, BigDecimal quantity, BigDecimal utilization, Currency currency, BigDecimal riHourly,
        BigDecimal paygHourly) {
}
