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
    BigDecimal remaining;
    private List<String> reservationIds;
    private List<BigDecimal> units;

    RowState(UsageRow row, BigDecimal ratio, RowOutcome outcome) {
        this.row = row;
        this.ratio = ratio;
        this.outcome = outcome;
        this.demand = row.quantity().multiply(ratio);
        this.remaining = outcome == RowOutcome.ELIGIBLE ? demand : BigDecimal.ZERO;
    }

    void take(String reservationId, BigDecimal taken) {
        if (taken.signum() <= 0) {
            return;
        }
        if (reservationIds == null) {
            reservationIds = new ArrayList<>(2);
            units = new ArrayList<>(2);
        }
        reservationIds.add(reservationId);
        units.add(taken);
        remaining = remaining.subtract(taken);
    }

    RowResult toResult() {
        if (reservationIds == null) {
            return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, row.quantity(), demand,
                    BigDecimal.ZERO, BigDecimal.ZERO, row.quantity(), List.of());
        }
        BigDecimal covered = demand.subtract(remaining);
        BigDecimal coveredHours = remaining.signum() == 0 ? row.quantity() : hours(covered);
        List<Allocation> allocations = new ArrayList<>(reservationIds.size());
        BigDecimal hoursSoFar = BigDecimal.ZERO;
        int last = reservationIds.size() - 1;
        for (int i = 0; i < last; i++) {
            BigDecimal hours = hours(units.get(i));
            allocations.add(new Allocation(reservationIds.get(i), units.get(i), hours));
            hoursSoFar = hoursSoFar.add(hours);
        }
        // The last allocation takes the remainder so that allocation hours add up to the row's covered hours.
        BigDecimal lastHours = coveredHours.subtract(hoursSoFar).max(BigDecimal.ZERO);
        allocations.add(new Allocation(reservationIds.get(last), units.get(last), lastHours));
        return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, row.quantity(), demand, covered,
                coveredHours, row.quantity().subtract(coveredHours), allocations);
    }

    private BigDecimal hours(BigDecimal coveredUnits) {
        return ratio.compareTo(BigDecimal.ONE) == 0 ? coveredUnits : coveredUnits.divide(ratio, EngineMath.DOWN);
    }
}
