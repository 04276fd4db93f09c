package dev.ribilling.matching;

import dev.ribilling.pricing.MissingPriceAlert;
import dev.ribilling.pricing.ReservationDayFigures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One customer-day matched and priced: the unit of work (and of transaction) of the match job.
 *
 * @param currencies the PricingCurrency of each reservation in {@code reservationDays}
 * @param lines      the usage line and UnitPrice of every usage row id, the keys of the stored results
 */
public record CustomerDay(String customerId, LocalDate date, MatchResult match, List<ReservationDayFigures> reservationDays,
        Map<String, java.util.Currency> currencies, List<MissingPriceAlert> missingPrices,
        Map<Long, DayUsage.LineRef> lines) {
}
