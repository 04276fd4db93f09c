package dev.ribilling.reporting;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reservation recommendations (domain.md section 7, our formalisation of Microsoft's documented method).
 *
 * <p>Buy: for q in the distinct hourly normalized usage levels u_h of the window (H hours),
 * cost(q) = q × riHourly × H + Σ max(0, u_h − q) × paygHourly; q* = argmin; netSavings = cost(0) − cost(q*).
 * q = 0 is always a candidate, so a recommendation never loses money; ties go to the smaller quantity (less
 * commitment for the same saving). Because only whole units can be bought, a fractional q* is replaced by the
 * cheaper of its floor and ceiling: cost is convex in q, so one of them is the best whole quantity. The series
 * should be the usage no existing reservation covered, which subtracts existing reservations as Microsoft does.
 *
 * <p>Reduce: a reservation whose utilization is more than {@code reduceMargin} below its break-even
 * (riHourly ÷ paygHourly) costs more than the PAYG it replaces. The suggested quantity is what a flat usage at
 * that utilization would have kept busy, floor(quantity × utilization).
 */
public final class RecommendationCalculator {

    /** An average month: 365 × 24 ÷ 12 hours, the month Azure's price pages use. */
    public static final BigDecimal HOURS_PER_MONTH = new BigDecimal("730");

    private final BigDecimal reduceMargin;

    /** @param reduceMargin how far below break-even (a fraction, e.g. 0.10 = 10 points) counts as "well below" */
    public RecommendationCalculator(BigDecimal reduceMargin) {
        this.reduceMargin = Objects.requireNonNull(reduceMargin, "reduceMargin");
    }

    /**
     * The quantity that would have maximised net savings over the window, or empty when buying nothing is best.
     *
     * @param hourlyUnits normalized usage per hour; hours of the window without usage may be left out
     * @param windowHours H, the length of the window in hours (720 for 30 days)
     */
    public Optional<Recommendation> recommendPurchase(RecommendationScope scope, Collection<BigDecimal> hourlyUnits,
            int windowHours) {
        if (hourlyUnits.size() > windowHours) {
            throw new IllegalArgumentException(hourlyUnits.size() + " hourly values for a window of " + windowHours + " hours");
        }
        CostCurve curve = new CostCurve(hourlyUnits, scope.riHourly(), scope.paygHourly(), windowHours);
        BigDecimal best = curve.bestWholeQuantity();
        if (best.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal withoutReservations = curve.cost(BigDecimal.ZERO);
        BigDecimal withReservations = curve.cost(best);
        BigDecimal netSavings = withoutReservations.subtract(withReservations, Money.MATH);
        BigDecimal monthly = netSavings.multiply(HOURS_PER_MONTH, Money.MATH)
                .divide(BigDecimal.valueOf(windowHours), Money.MATH);
        return Optional.of(new Recommendation(RecommendationKind.BUY, scope.customerId(), scope.region(),
                scope.flexibilityGroup(), scope.normalizedSize(), null, null, best, windowHours, scope.currency(),
                scope.riHourly(), scope.paygHourly(), withoutReservations, withReservations, netSavings, monthly,
                breakEven(scope.riHourly(), scope.paygHourly()), curve.utilization(best), null));
    }

    /** A REDUCE recommendation when the reservation is used well below break-even, else empty. */
    public Optional<Recommendation> recommendReduction(ReservationUsageFacts facts) {
        if (facts.utilization() == null || facts.paygHourly() == null || facts.paygHourly().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal breakEven = breakEven(facts.riHourly(), facts.paygHourly());
        if (facts.utilization().compareTo(breakEven.subtract(reduceMargin)) >= 0) {
            return Optional.empty();
        }
        BigDecimal busy = facts.quantity().multiply(facts.utilization(), Money.MATH);
        BigDecimal keep = busy.setScale(0, RoundingMode.FLOOR);
        if (keep.compareTo(facts.quantity()) >= 0) {
            return Optional.empty();
        }
        // Per hour: the returned instances' reservation cost is saved, the busy part they covered goes to PAYG.
        BigDecimal savedPerHour = facts.quantity().subtract(keep).multiply(facts.riHourly(), Money.MATH)
                .subtract(busy.subtract(keep).multiply(facts.paygHourly(), Money.MATH), Money.MATH);
        return Optional.of(new Recommendation(RecommendationKind.REDUCE, facts.customerId(), facts.region(),
                facts.flexibilityGroup(), facts.sku(), facts.reservationId(), facts.quantity(), keep, 0,
                facts.currency(), facts.riHourly(), facts.paygHourly(), null, null, null,
                savedPerHour.multiply(HOURS_PER_MONTH, Money.MATH), breakEven, facts.utilization(),
                "estimate assumes flat usage at the observed utilization"));
    }

    public static BigDecimal breakEven(BigDecimal riHourly, BigDecimal paygHourly) {
        return riHourly.divide(paygHourly, Money.MATH);
    }

    /** cost(q) over sorted usage levels, evaluated in O(n log n) for all candidates with prefix sums. */
    private static final class CostCurve {
        private final BigDecimal[] levels;
        private final BigDecimal[] sumAbove; // sumAbove[i] = Σ levels[i..n-1]
        private final BigDecimal riHourly;
        private final BigDecimal paygHourly;
        private final BigDecimal hours;

        CostCurve(Collection<BigDecimal> hourlyUnits, BigDecimal riHourly, BigDecimal paygHourly, int windowHours) {
            List<BigDecimal> sorted = new ArrayList<>(hourlyUnits);
            for (BigDecimal level : sorted) {
                if (level.signum() < 0) {
                    throw new IllegalArgumentException("negative usage level " + level);
                }
            }
            sorted.sort(null);
            levels = sorted.toArray(BigDecimal[]::new);
            sumAbove = new BigDecimal[levels.length + 1];
            sumAbove[levels.length] = BigDecimal.ZERO;
            for (int i = levels.length - 1; i >= 0; i--) {
                sumAbove[i] = sumAbove[i + 1].add(levels[i], Money.MATH);
            }
            this.riHourly = riHourly;
            this.paygHourly = paygHourly;
            this.hours = BigDecimal.valueOf(windowHours);
        }

        BigDecimal cost(BigDecimal q) {
            int above = firstAbove(q);
            BigDecimal overage = sumAbove[above].subtract(q.multiply(BigDecimal.valueOf(levels.length - above)), Money.MATH);
            return q.multiply(riHourly, Money.MATH).multiply(hours, Money.MATH)
                    .add(overage.multiply(paygHourly, Money.MATH), Money.MATH);
        }

        /** Σ min(u_h, q) ÷ (q × H): how busy q units would have been. */
        BigDecimal utilization(BigDecimal q) {
            int above = firstAbove(q);
            BigDecimal used = sumAbove[0].subtract(sumAbove[above], Money.MATH)
                    .add(q.multiply(BigDecimal.valueOf(levels.length - above)), Money.MATH);
            return used.divide(q.multiply(hours), Money.MATH);
        }

        BigDecimal bestWholeQuantity() {
            BigDecimal best = BigDecimal.ZERO;
            BigDecimal bestCost = cost(best);
            for (int i = 0; i < levels.length; i++) {
                if (i > 0 && levels[i].compareTo(levels[i - 1]) == 0) {
                    continue;
                }
                BigDecimal candidateCost = cost(levels[i]);
                if (candidateCost.compareTo(bestCost) < 0) {
                    best = levels[i];
                    bestCost = candidateCost;
                }
            }
            BigDecimal floor = best.setScale(0, RoundingMode.FLOOR);
            BigDecimal ceiling = best.setScale(0, RoundingMode.CEILING);
            if (floor.compareTo(ceiling) == 0) {
                return floor;
            }
            return cost(ceiling).compareTo(cost(floor)) < 0 ? ceiling : floor;
        }

        /** Index of the first level strictly above q (binary search over the sorted levels). */
        private int firstAbove(BigDecimal q) {
            int low = 0;
            int high = levels.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (levels[mid].compareTo(q) <= 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
