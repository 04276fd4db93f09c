package dev.ribilling.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
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
 */
final class SlotAllocator {

    private final List<RowState> active = new ArrayList<>();

    /** Allocates and returns the units used; never more than {@code capacity}. */
    BigDecimal allocate(ReservationState reservation, BigDecimal capacity) {
        if (capacity.signum() <= 0 || reservation.candidates.isEmpty()) {
            return BigDecimal.ZERO;
        }
        active.clear();
        BigDecimal demand = BigDecimal.ZERO;
        List<RowState> candidates = reservation.candidates;
        for (int i = 0, n = candidates.size(); i < n; i++) {
            RowState row = candidates.get(i);
            if (row.remaining.signum() > 0) {
                active.add(row);
                demand = demand.add(row.remaining);
            }
        }
        if (active.isEmpty()) {
            return BigDecimal.ZERO;
        }
        String reservationId = reservation.id;
        if (demand.compareTo(capacity) <= 0) {
            for (int i = 0, n = active.size(); i < n; i++) {
                RowState row = active.get(i);
                row.take(reservationId, row.remaining);
            }
            return demand;
        }
        BigDecimal factor = capacity.divide(demand, EngineMath.DOWN);
        BigDecimal given = BigDecimal.ZERO;
        int last = active.size() - 1;
        for (int i = 0; i < last; i++) {
            RowState row = active.get(i);
            BigDecimal share = row.remaining.multiply(factor, EngineMath.DOWN);
            row.take(reservationId, share);
            given = given.add(share);
        }
        RowState lastRow = active.get(last);
        BigDecimal lastShare = capacity.subtract(given).min(lastRow.remaining);
        lastRow.take(reservationId, lastShare);
        return given.add(lastShare);
    }
}
