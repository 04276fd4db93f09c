package dev.ribilling.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Mutable per-row working state of one engine call; becomes a {@link RowResult} at the end. */
final class RowState {

    final UsageRow row;
    final BigDecimal ratio;
    final BigDecimal demand;
    final RowOutcome outcome;
    /** The reservations that may cover this row (kind, region, eligibility and scope), in application order. */
    final ReservationState[] admitting;
    BigDecimal remaining;
    // Most rows are covered by one reservation at most: keep the first allocation in fields and only allocate
    // lists for the rare second and later ones.
    private String firstReservationId;
    private BigDecimal firstUnits;
    private List<String> moreReservationIds;
    private List<BigDecimal> moreUnits;

    RowState(UsageRow row, IsfTable.Sizing sizing, RowOutcome outcome, ReservationState[] admitting) {
        this.row = row;
        this.ratio = sizing.ratio();
        this.outcome = outcome;
        this.admitting = admitting;
        this.demand = row.quantity().multiply(ratio);
        this.remaining = outcome == RowOutcome.ELIGIBLE ? demand : BigDecimal.ZERO;
    }

    void take(String reservationId, BigDecimal taken) {
        if (taken.signum() <= 0) {
            return;
        }
        record(reservationId, taken);
        // Taking everything is the common case; skipping the subtraction avoids rescaling to the share's scale.
        remaining = taken == remaining ? BigDecimal.ZERO : remaining.subtract(taken);
    }

    /**
     * As {@link #take(String, BigDecimal)}, with {@code remaining - taken} already computed by the caller
     * ({@code after}, from a value equal to this row's remaining demand: same value and scale).
     */
    void take(String reservationId, BigDecimal taken, BigDecimal after) {
        if (taken.signum() <= 0) {
            return;
        }
        record(reservationId, taken);
        remaining = taken == remaining ? BigDecimal.ZERO : after;
    }

    private void record(String reservationId, BigDecimal taken) {
        if (firstReservationId == null) {
            firstReservationId = reservationId;
            firstUnits = taken;
        } else {
            if (moreReservationIds == null) {
                moreReservationIds = new ArrayList<>(2);
                moreUnits = new ArrayList<>(2);
            }
            moreReservationIds.add(reservationId);
            moreUnits.add(taken);
        }
    }

    RowResult toResult() {
        if (firstReservationId == null) {
            return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, row.quantity(), demand,
                    BigDecimal.ZERO, BigDecimal.ZERO, row.quantity(), List.of());
        }
        boolean fullyCovered = remaining.signum() == 0;
        if (moreReservationIds == null) {
            BigDecimal coveredHours = fullyCovered ? row.quantity() : hours(firstUnits);
            return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, row.quantity(), demand,
                    firstUnits, coveredHours, uncovered(coveredHours),
                    List.of(new Allocation(firstReservationId, firstUnits, coveredHours)));
        }
        BigDecimal covered = fullyCovered ? demand : firstUnits.add(sum(moreUnits));
        BigDecimal coveredHours = fullyCovered ? row.quantity() : hours(covered);
        List<Allocation> allocations = new ArrayList<>(1 + moreUnits.size());
        BigDecimal firstHours = hours(firstUnits);
        allocations.add(new Allocation(firstReservationId, firstUnits, firstHours));
        BigDecimal hoursSoFar = firstHours;
        int last = moreUnits.size() - 1;
        for (int i = 0; i < last; i++) {
            BigDecimal hours = hours(moreUnits.get(i));
            allocations.add(new Allocation(moreReservationIds.get(i), moreUnits.get(i), hours));
            hoursSoFar = hoursSoFar.add(hours);
        }
        // The last allocation takes the remainder so that allocation hours add up to the row's covered hours.
        BigDecimal lastHours = coveredHours.subtract(hoursSoFar).max(BigDecimal.ZERO);
        allocations.add(new Allocation(moreReservationIds.get(last), moreUnits.get(last), lastHours));
        return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, row.quantity(), demand, covered,
                coveredHours, uncovered(coveredHours), allocations);
    }

    private BigDecimal uncovered(BigDecimal coveredHours) {
        return coveredHours == row.quantity() ? BigDecimal.ZERO : row.quantity().subtract(coveredHours);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal total = values.get(0);
        for (int i = 1, n = values.size(); i < n; i++) {
            total = total.add(values.get(i));
        }
        return total;
    }

    private BigDecimal hours(BigDecimal coveredUnits) {
        return ratio.compareTo(BigDecimal.ONE) == 0 ? coveredUnits : coveredUnits.divide(ratio, EngineMath.DOWN);
    }
}
