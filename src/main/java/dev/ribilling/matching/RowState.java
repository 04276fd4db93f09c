package dev.ribilling.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * Mutable per-row working state of one engine call; becomes a {@link RowResult} at the end.
 *
 * <p>A row's coverage so far is a {@link Step}: the units taken by each reservation in order and the demand
 * that remains. Steps are shared: rows with equal quantity and ratio start from the same step, and rows that
 * are in the same step when a reservation gives them the same units move on to the same next step. So the
 * arithmetic of a share, of the remaining demand and of the row result's hours is done once per step instead
 * of once per row; it is the same arithmetic on equal values (same value and scale), so every result is the
 * one row-by-row computation gives.
 */
final class RowState {

    final UsageRow row;
    final RowOutcome outcome;
    /** The reservations that may cover this row (kind, region, eligibility and scope), in application order. */
    final ReservationState[] admitting;
    /** Position of the row in usage id order. */
    final int index;
    /** Coverage so far; starts at the step shared by rows of equal quantity and ratio. */
    Step step;

    RowState(UsageRow row, Step start, RowOutcome outcome, ReservationState[] admitting, int index) {
        this.row = row;
        this.step = start;
        this.outcome = outcome;
        this.admitting = admitting;
        this.index = index;
    }


    RowResult toResult() {
        Step step = this.step;
        BigDecimal quantity = row.quantity();
        if (step.parent == null) {
            return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, step.ratio, quantity, step.demand,
                    BigDecimal.ZERO, BigDecimal.ZERO, quantity, List.of());
        }
        Coverage coverage = step.coverage();
        if (step.signum == 0) {
            // Fully covered: covered units are the demand and covered hours the row's own quantity.
            return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, step.ratio, quantity, step.demand,
                    step.demand, quantity, BigDecimal.ZERO, coverage.allocations);
        }
        return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, step.ratio, quantity, step.demand,
                coverage.coveredUnits, coverage.coveredHours, coverage.uncoveredHours, coverage.allocations);
    }

    /** Covered units and hours, uncovered hours and allocations of a row with at least one allocation. */
    record Coverage(BigDecimal coveredUnits, BigDecimal coveredHours, BigDecimal uncoveredHours,
            List<Allocation> allocations) {
    }

    /**
     * Coverage of a row so far: the start (no reservation yet: {@code parent} null, remaining = demand) or the
     * previous step plus the units one reservation took. Immutable except for the scratch fields that
     * {@link SlotAllocator} uses during one allocation and the coverage computed on first use.
     */
    static final class Step {

        final Step parent;
        final BigDecimal quantity;
        final BigDecimal ratio;
        final BigDecimal demand;
        /** Null for the start. */
        final String reservationId;
        final BigDecimal units;
        /**
         * Demand left after this step: {@code parent.remaining - units}, or ZERO when the units were the parent's
         * remaining demand itself. Computed when first needed, by the next allocation that offers capacity to
         * rows in this step; most last steps never need it, only its sign.
         */
        private BigDecimal remaining;
        /** Sign of the remaining demand, known when the step is made. */
        final int signum;
        final int allocations;
        // Scratch of SlotAllocator: the allocation this step was last grouped in, its rows there, their next step.
        int stamp;
        int rows;
        Step next;
        private Coverage coverage;
        /** {@code units ÷ ratio}, computed on first use; shared by every later step of rows that passed here. */
        private BigDecimal unitHours;

        /** The start of rows of this quantity and ratio. */
        Step(BigDecimal quantity, BigDecimal ratio) {
            this.parent = null;
            this.quantity = quantity;
            this.ratio = ratio;
            this.demand = quantity.multiply(ratio);
            this.reservationId = null;
            this.units = null;
            this.remaining = demand;
            this.signum = demand.signum();
            this.allocations = 0;
        }

        private Step(Step parent, String reservationId, BigDecimal units, BigDecimal remaining, int signum) {
            this.parent = parent;
            this.quantity = parent.quantity;
            this.ratio = parent.ratio;
            this.demand = parent.demand;
            this.reservationId = reservationId;
            this.units = units;
            this.remaining = remaining;
            this.signum = signum;
            this.allocations = parent.allocations + 1;
        }

        BigDecimal remaining() {
            BigDecimal r = remaining;
            if (r == null) {
                r = parent.remaining().subtract(units);
                remaining = r;
            }
            return r;
        }

        /**
         * The step after a reservation takes {@code taken} units, at most the remaining demand; this step when
         * it takes nothing. Taking everything is the common case; taking the remaining demand object itself
         * leaves ZERO without subtracting (which would rescale to the share's scale).
         */
        Step take(String reservationId, BigDecimal taken) {
            if (taken.signum() <= 0) {
                return this;
            }
            BigDecimal from = remaining();
            if (taken == from) {
                return new Step(this, reservationId, taken, BigDecimal.ZERO, 0);
            }
            return new Step(this, reservationId, taken, null, from.compareTo(taken));
        }

        /**
         * The step after a proportional share: {@code share = remaining × factor} rounded down, with
         * {@code 0 < factor < 1} (capacity ÷ larger demand, rounded down), so {@code 0 < share < remaining}
         * and the remaining demand stays positive.
         */
        Step takeShare(String reservationId, BigDecimal share) {
            if (share.signum() <= 0) {
                return this;
            }
            return new Step(this, reservationId, share, null, 1);
        }

        Coverage coverage() {
            Coverage c = coverage;
            if (c == null) {
                c = computeCoverage();
                coverage = c;
            }
            return c;
        }

        /**
         * Allocation hours are units ÷ ratio; the last allocation takes the remainder so that allocation hours
         * add up to the row's covered hours. For a fully covered row covered hours are the quantity.
         */
        private Coverage computeCoverage() {
            boolean fullyCovered = signum == 0;
            Step[] taken = new Step[allocations];
            for (Step s = this; s.parent != null; s = s.parent) {
                taken[s.allocations - 1] = s;
            }
            BigDecimal firstUnits = taken[0].units;
            if (taken.length == 1) {
                BigDecimal coveredHours = fullyCovered ? quantity : unitHours();
                return new Coverage(firstUnits, coveredHours, uncovered(coveredHours),
                        List.of(new Allocation(reservationId, firstUnits, coveredHours)));
            }
            BigDecimal covered;
            if (fullyCovered) {
                covered = demand;
            } else {
                BigDecimal more = taken[1].units;
                for (int i = 2; i < taken.length; i++) {
                    more = more.add(taken[i].units);
                }
                covered = firstUnits.add(more);
            }
            BigDecimal coveredHours = fullyCovered ? quantity : hours(covered);
            Allocation[] result = new Allocation[taken.length];
            BigDecimal hoursSoFar = null;
            int last = taken.length - 1;
            for (int i = 0; i < last; i++) {
                BigDecimal hours = taken[i].unitHours();
                result[i] = new Allocation(taken[i].reservationId, taken[i].units, hours);
                hoursSoFar = i == 0 ? hours : hoursSoFar.add(hours);
            }
            BigDecimal lastHours = coveredHours.subtract(hoursSoFar).max(BigDecimal.ZERO);
            result[last] = new Allocation(taken[last].reservationId, taken[last].units, lastHours);
            return new Coverage(covered, coveredHours, uncovered(coveredHours), List.of(result));
        }

        private BigDecimal unitHours() {
            BigDecimal h = unitHours;
            if (h == null) {
                h = hours(units);
                unitHours = h;
            }
            return h;
        }

        private BigDecimal uncovered(BigDecimal coveredHours) {
            return coveredHours == quantity ? BigDecimal.ZERO : quantity.subtract(coveredHours);
        }

        private BigDecimal hours(BigDecimal coveredUnits) {
            return ratio.compareTo(BigDecimal.ONE) == 0 ? coveredUnits : coveredUnits.divide(ratio, EngineMath.DOWN);
        }
    }
}
