package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * One row of the Recommendations sheet. Quantities are in normalized units (ratio-1 instances of the ISF group)
 * for {@link RecommendationKind#BUY} and in instances of the reservation's SKU for
 * {@link RecommendationKind#REDUCE}; hourly prices are per such unit.
 *
 * @param sku the reservation's SKU (REDUCE) or the group's ratio-1 size when known (BUY); may be null
 * @param reservationId REDUCE only
 * @param currentQuantity REDUCE only
 * @param costWithoutReservations BUY only: cost(0) over the look-back window
 * @param costWithReservations BUY only: cost(q*) over the look-back window
 * @param windowSavings BUY: netSavings = cost(0) − cost(q*) over the window; REDUCE: null
 * @param expectedMonthlySavings per average month of 730 hours
 * @param breakEvenUtilization riHourly ÷ paygHourly: below it the reservation costs more than PAYG
 * @param utilization BUY: the utilization q* would have had; REDUCE: the reservation's actual utilization
 */
public record Recommendation(RecommendationKind kind, String customerId, String region, String flexibilityGroup,
        String sku, String reservationId, BigDecimal currentQuantity, BigDecimal recommendedQuantity,
        int windowHours, Currency currency, BigDecimal riHourly, BigDecimal paygHourly,
        BigDecimal costWithoutReservations, BigDecimal costWithReservations, BigDecimal windowSavings,
        BigDecimal expectedMonthlySavings, BigDecimal breakEvenUtilization, BigDecimal utilization, String note) {
}
