package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * What the alert rules need to know about one reservation at the report date.
 *
 * @param utilizationLast7Days ratio of sums over the last 7 closed days, null without capacity
 * @param utilizationLast30Days ratio of sums over the last 30 closed days, null without capacity
 * @param savings savings of the period, null when a price was missing
 * @param previousSavings savings of the period before, null when unknown (a new reservation)
 * @param termEnd the date the benefit stops (expiry, or the cancellation date)
 */
public record ReservationAlertFacts(String reservationId, String customerId, String skuName, String region,
        BigDecimal utilizationLast7Days, BigDecimal utilizationLast30Days, BigDecimal savings,
        BigDecimal previousSavings, Currency currency, LocalDate termEnd) {
}
