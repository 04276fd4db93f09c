package dev.ribilling.pricing;

import dev.ribilling.billing.Money;
import dev.ribilling.matching.MatchResult;
import dev.ribilling.matching.ReservationDayResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amortized cost, PAYG equivalent and savings of one reservation on one date (contract section 3).
 * PAYG equivalent = Σ covered hours × compute price of the VM size and region, in the reservation's
 * PricingCurrency; savings = PAYG equivalent − amortized cost.
 */
public final class ReservationDayCalculator {

    private final ComputePriceResolver prices;

    public ReservationDayCalculator(ComputePriceResolver prices) {
        this.prices = prices;
    }

    /** Prices the day of {@code match} (one customer-day of the matching engine) for one reservation. */
    public ReservationDayOutcome calculate(ReservationPricing reservation, MatchResult match) {
        return calculate(reservation, match, match.coveredHoursByVmSize(reservation.reservationId()));
    }

    /**
     * The same, with the reservation's covered hours per VM size already summed (see
     * {@link MatchResult#coveredHoursByReservationAndVmSize}).
     */
    public ReservationDayOutcome calculate(ReservationPricing reservation, MatchResult match,
            Map<String, BigDecimal> coveredHoursByVmSize) {
        BigDecimal capacity = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        for (ReservationDayResult day : match.reservationDays()) {
            if (day.reservationId().equals(reservation.reservationId())) {
                capacity = day.capacityUnits();
                used = day.usedUnits();
            }
        }
        List<CoveredHours> covered = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> entry : coveredHoursByVmSize.entrySet()) {
            covered.add(new CoveredHours(entry.getKey(), reservation.region(), entry.getValue()));
        }
        return calculate(reservation, match.date(), capacity, used, covered);
    }

    public ReservationDayOutcome calculate(ReservationPricing reservation, LocalDate date, BigDecimal capacityUnits,
            BigDecimal usedUnits, Collection<CoveredHours> covered) {
        Money amortized = Amortization.costOn(reservation.totalPrice(), reservation.dates(), date);
        List<CoveredHours> ordered = new ArrayList<>(covered);
        // A fixed order keeps the alert list and the (exact) sum reproducible.
        ordered.sort(Comparator.comparing(CoveredHours::vmSize, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(CoveredHours::region, Comparator.nullsFirst(Comparator.naturalOrder())));
        BigDecimal payg = BigDecimal.ZERO;
        List<MissingPriceAlert> alerts = new ArrayList<>();
        for (CoveredHours hours : ordered) {
            if (hours.hours().signum() == 0) {
                continue;
            }
            Optional<BigDecimal> price = hours.vmSize() == null ? Optional.empty()
                    : prices.pricePerHour(hours.vmSize(), hours.region(), date, reservation.pricingCurrency());
            if (price.isEmpty()) {
                alerts.add(new MissingPriceAlert(reservation.reservationId(), hours.vmSize(), hours.region(), date));
            } else {
                payg = payg.add(hours.hours().multiply(price.get(), Money.MATH), Money.MATH);
            }
        }
        Money paygEquivalent = alerts.isEmpty() ? new Money(payg, reservation.pricingCurrency()) : null;
        Money savings = paygEquivalent == null ? null : paygEquivalent.minus(amortized);
        return new ReservationDayOutcome(new ReservationDayFigures(reservation.reservationId(), date, capacityUnits,
                usedUnits, amortized, paygEquivalent, savings), alerts);
    }
}
