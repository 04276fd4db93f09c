package dev.ribilling.matching;

import dev.ribilling.billing.Money;
import dev.ribilling.ingest.StoredReservation;
import dev.ribilling.pricing.MissingPriceAlert;
import dev.ribilling.pricing.ReservationDates;
import dev.ribilling.pricing.ReservationDayCalculator;
import dev.ribilling.pricing.ReservationDayFigures;
import dev.ribilling.pricing.ReservationDayOutcome;
import dev.ribilling.pricing.ReservationPricing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches one customer-day with the engine and prices every reservation that has capacity or amortized cost on
 * that day. Pure: the usage rows and the customer's reservations are given to it.
 */
public final class CustomerDayMatcher {

    private final MatchingEngine engine;
    private final ReservationDayCalculator calculator;

    public CustomerDayMatcher(MatchingEngine engine, ReservationDayCalculator calculator) {
        this.engine = engine;
        this.calculator = calculator;
    }

    public CustomerDay match(String customerId, LocalDate date, DayUsage usage, Collection<StoredReservation> reservations) {
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = dayStart.plusSeconds(86_400);
        List<Reservation> active = new ArrayList<>();
        List<StoredReservation> priced = new ArrayList<>();
        for (StoredReservation r : reservations) {
            ReservationDates dates = dates(r);
            boolean hasCapacity = r.benefitStart().isBefore(dayEnd) && r.activeUntil().isAfter(dayStart);
            if (hasCapacity) {
                active.add(toEngine(r));
            }
            if (hasCapacity || dates.isAmortizedOn(date)) {
                priced.add(r);
            }
        }
        MatchResult match = engine.match(date, usage.rows(), active);
        List<ReservationDayFigures> figures = new ArrayList<>();
        List<MissingPriceAlert> alerts = new ArrayList<>();
        Map<String, Currency> currencies = new LinkedHashMap<>();
        Map<String, Map<String, java.math.BigDecimal>> covered = match.coveredHoursByReservationAndVmSize();
        for (StoredReservation r : priced) {
            ReservationPricing pricing = new ReservationPricing(r.reservationId(), r.skuName(), r.region(),
                    new Money(r.totalPrice(), r.pricingCurrency()), dates(r));
            ReservationDayOutcome outcome = calculator.calculate(pricing, match,
                    covered.getOrDefault(r.reservationId(), Map.of()));
            figures.add(outcome.figures());
            alerts.addAll(outcome.alerts());
            currencies.put(r.reservationId(), r.pricingCurrency());
        }
        return new CustomerDay(customerId, date, match, figures, currencies, alerts, usage.lines());
    }

    static ReservationDates dates(StoredReservation r) {
        return ReservationDates.of(r.benefitStart(), r.expiry(), r.termPeriod(), r.cancelledAt());
    }

    static Reservation toEngine(StoredReservation r) {
        return new Reservation(r.reservationId(), r.skuName(), r.region(), r.quantity(), ScopeType.parse(r.scopeType()),
                r.scopeSubscriptionId(), r.scopeResourceGroup(), r.instanceFlexibility(), r.benefitStart(), r.expiry(),
                r.cancelledAt());
    }
}
