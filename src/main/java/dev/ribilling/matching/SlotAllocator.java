package dev.ribilling.matching;

import java.math.BigDecimal;
import java.util.Arrays;
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
 * <p>Speed without changing a digit: many rows of a slot have the same remaining demand (same quantity and
 * ratio, same earlier shares). Rows are grouped by remaining demand ({@link BigDecimal#equals}: value and
 * scale), so each distinct value is multiplied by the factor and reduced by its share once. Sums are exact,
 * so adding {@code value × count} per group gives the same value and the same scale (the largest scale of
 * the terms) as adding row by row; {@code EngineMathTests} checks this against the row-by-row computation.
 */
final class SlotAllocator {

    private RowState[] active = new RowState[64];
    private int[] groupOfActive = new int[64];
    private final ValueGroups groups = new ValueGroups();

    /** Allocates and returns the units used; never more than {@code capacity}. */
    BigDecimal allocate(ReservationState reservation, BigDecimal capacity) {
        List<RowState> candidates = reservation.candidates;
        if (capacity.signum() <= 0 || candidates.isEmpty()) {
            return BigDecimal.ZERO;
        }
        int n = candidates.size();
        if (active.length < n) {
            active = new RowState[Math.max(n, active.length * 2)];
            groupOfActive = new int[active.length];
        }
        ValueGroups groups = this.groups;
        groups.clear();
        int count = 0;
        BigDecimal previousValue = null;
        int previousGroup = -1;
        for (int i = 0; i < n; i++) {
            RowState row = candidates.get(i);
            BigDecimal remaining = row.remaining;
            if (remaining.signum() > 0) {
                int group = remaining == previousValue ? previousGroup : groups.groupOf(remaining);
                groups.count[group]++;
                previousValue = remaining;
                previousGroup = group;
                active[count] = row;
                groupOfActive[count] = group;
                count++;
            }
        }
        if (count == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal demand = BigDecimal.ZERO;
        for (int g = 0, size = groups.size; g < size; g++) {
            demand = demand.add(EngineMath.times(groups.value[g], groups.count[g]));
        }
        String reservationId = reservation.id;
        if (demand.compareTo(capacity) <= 0) {
            for (int i = 0; i < count; i++) {
                RowState row = active[i];
                active[i] = null;
                row.take(reservationId, row.remaining);
            }
            return demand;
        }
        BigDecimal factor = capacity.divide(demand, EngineMath.DOWN);
        int last = count - 1;
        // Every row but the last gets remaining × factor; the last one gets what is left of the capacity.
        groups.count[groupOfActive[last]]--;
        BigDecimal given = BigDecimal.ZERO;
        for (int g = 0, size = groups.size; g < size; g++) {
            int rows = groups.count[g];
            if (rows > 0) {
                BigDecimal value = groups.value[g];
                BigDecimal share = value.multiply(factor, EngineMath.DOWN);
                groups.share[g] = share;
                groups.next[g] = share == value ? BigDecimal.ZERO : value.subtract(share);
                given = given.add(EngineMath.times(share, rows));
            }
        }
        for (int i = 0; i < last; i++) {
            RowState row = active[i];
            active[i] = null;
            int group = groupOfActive[i];
            row.take(reservationId, groups.share[group], groups.next[group]);
        }
        RowState lastRow = active[last];
        active[last] = null;
        BigDecimal lastShare = capacity.subtract(given).min(lastRow.remaining);
        lastRow.take(reservationId, lastShare);
        return given.add(lastShare);
    }

    /**
     * Distinct remaining-demand values of one allocation, numbered in order of first appearance, with the
     * number of rows holding each and, once computed, each value's share and what remains after it.
     */
    static final class ValueGroups {

        int size;
        BigDecimal[] value = new BigDecimal[16];
        int[] count = new int[16];
        BigDecimal[] share = new BigDecimal[16];
        BigDecimal[] next = new BigDecimal[16];
        private int[] slotOfGroup = new int[16];
        /** Open addressing: group number + 1, or 0 for a free slot. */
        private int[] table = new int[64];

        void clear() {
            for (int g = 0; g < size; g++) {
                table[slotOfGroup[g]] = 0;
                value[g] = null;
                share[g] = null;
                next[g] = null;
                count[g] = 0;
            }
            size = 0;
        }

        /** The group of a value ({@link BigDecimal#equals}), created with count 0 when new. */
        int groupOf(BigDecimal key) {
            int mask = table.length - 1;
            int slot = mix(key.hashCode()) & mask;
            while (true) {
                int entry = table[slot];
                if (entry == 0) {
                    break;
                }
                BigDecimal existing = value[entry - 1];
                if (existing == key || existing.equals(key)) {
                    return entry - 1;
                }
                slot = (slot + 1) & mask;
            }
            if (size == value.length) {
                int length = size * 2;
                value = Arrays.copyOf(value, length);
                count = Arrays.copyOf(count, length);
                share = Arrays.copyOf(share, length);
                next = Arrays.copyOf(next, length);
                slotOfGroup = Arrays.copyOf(slotOfGroup, length);
            }
            if ((size + 1) * 2 > table.length) {
                rehash(table.length * 2);
                return groupOf(key);
            }
            int group = size++;
            value[group] = key;
            count[group] = 0;
            slotOfGroup[group] = slot;
            table[slot] = group + 1;
            return group;
        }

        private void rehash(int length) {
            table = new int[length];
            int mask = length - 1;
            for (int g = 0; g < size; g++) {
                int slot = mix(value[g].hashCode()) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = g + 1;
                slotOfGroup[g] = slot;
            }
        }

        private static int mix(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
