package dev.ribilling.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * Applies one reservation's capacity in one slot to the rows it may cover (contract section 3, "Order"):
 * it takes all remaining demand when that fits, otherwise it shares its capacity among the rows in
 * proportion to their remaining demand (domain.md Q9). Remaining demand stays on the rows for the next
 * reservation (Q7).
 *
 * <p>Order independence: candidates arrive in usage id order, sums are exact, and each share depends only
 * on (capacity, total demand, own demand). The proportional factor is rounded down so that the shares
 * never exceed the capacity; the last row in id order receives the rounding remainder (capped at its own
 * demand), so a fully used reservation reports used = capacity exactly.
 *
 * <p>Speed without changing a digit: rows in the same {@link RowState.Step} have the same remaining demand,
 * so each step's share and next step are computed once for all its rows. Sums are exact, so adding
 * {@code remaining × rows} per step gives the same value and the same scale (the largest scale of the terms)
 * as adding row by row ({@code EngineReferenceTests} checks this against the row-by-row computation).
 */
final class SlotAllocator {

    private RowState[] active = new RowState[64];
    private RowState.Step[] steps = new RowState.Step[64];
    private int stamp;

    /** Allocates and returns the units used; never more than {@code capacity}. */
    BigDecimal allocate(ReservationState reservation, BigDecimal capacity) {
        List<RowState> candidates = reservation.candidates;
        if (capacity.signum() <= 0 || candidates.isEmpty()) {
            return BigDecimal.ZERO;
        }
        int n = candidates.size();
        if (active.length < n) {
            active = new RowState[Math.max(n, active.length * 2)];
            steps = new RowState.Step[active.length];
        }
        RowState[] active = this.active;
        RowState.Step[] steps = this.steps;
        int stamp = ++this.stamp;
        int count = 0;
        int stepCount = 0;
        for (int i = 0; i < n; i++) {
            RowState row = candidates.get(i);
            RowState.Step step = row.step;
            if (step.signum > 0) {
                if (step.stamp != stamp) {
                    step.stamp = stamp;
                    step.rows = 0;
                    steps[stepCount++] = step;
                }
                step.rows++;
                active[count++] = row;
            }
        }
        if (count == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal demand = BigDecimal.ZERO;
        for (int s = 0; s < stepCount; s++) {
            demand = demand.add(EngineMath.times(steps[s].remaining(), steps[s].rows));
        }
        String reservationId = reservation.id;
        if (demand.compareTo(capacity) <= 0) {
            for (int s = 0; s < stepCount; s++) {
                RowState.Step step = steps[s];
                step.next = step.take(reservationId, step.remaining());
            }
            for (int i = 0; i < count; i++) {
                active[i].step = active[i].step.next;
            }
            clear(count, stepCount);
            return demand;
        }
        BigDecimal factor = capacity.divide(demand, EngineMath.DOWN);
        int last = count - 1;
        RowState lastRow = active[last];
        RowState.Step lastStep = lastRow.step;
        // Every row but the last gets remaining × factor; the last one gets what is left of the capacity.
        lastStep.rows--;
        BigDecimal given = BigDecimal.ZERO;
        for (int s = 0; s < stepCount; s++) {
            RowState.Step step = steps[s];
            if (step.rows > 0) {
                BigDecimal share = step.remaining().multiply(factor, EngineMath.DOWN);
                step.next = step.takeShare(reservationId, share);
                given = given.add(EngineMath.times(share, step.rows));
            }
        }
        for (int i = 0; i < last; i++) {
            active[i].step = active[i].step.next;
        }
        BigDecimal lastShare = capacity.subtract(given).min(lastStep.remaining());
        lastRow.step = lastStep.take(reservationId, lastShare);
        clear(count, stepCount);
        return given.add(lastShare);
    }

    private void clear(int count, int stepCount) {
        for (int s = 0; s < stepCount; s++) {
            steps[s].next = null;
            steps[s] = null;
        }
        for (int i = 0; i < count; i++) {
            active[i] = null;
        }
    }
}
