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

    /**
     * The row's result. Rows whose coverage has the same inputs (ratio, quantity, allocations' reservation
     * ids and units, all compared with {@code equals}: same value and scale) get the same covered hours,
     * uncovered hours and allocations, so {@code memo} computes those divisions and sums once per distinct
     * input; the result is the one {@link #computeCoverage} gives for this row.
     */
    RowResult toResult(CoverageMemo memo) {
        BigDecimal quantity = row.quantity();
        if (firstReservationId == null) {
            return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, quantity, demand,
                    BigDecimal.ZERO, BigDecimal.ZERO, quantity, List.of());
        }
        boolean fullyCovered = remaining.signum() == 0;
        if (moreReservationIds == null && fullyCovered) {
            return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, quantity, demand,
                    firstUnits, quantity, BigDecimal.ZERO,
                    List.of(new Allocation(firstReservationId, firstUnits, quantity)));
        }
        Coverage coverage = memo.coverage(this, fullyCovered);
        if (fullyCovered) {
            // Covered units are the demand and covered hours the quantity: this row's own values, as computed.
            return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, quantity, demand, demand,
                    quantity, BigDecimal.ZERO, coverage.allocations);
        }
        return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, quantity, demand,
                coverage.coveredUnits, coverage.coveredHours, coverage.uncoveredHours, coverage.allocations);
    }

    /** Without the memo: the reference computation, also used by the memo for the first row of each input. */
    RowResult toResult() {
        if (firstReservationId == null) {
            return toResult(null);
        }
        Coverage coverage = computeCoverage(remaining.signum() == 0);
        return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, row.quantity(), demand,
                coverage.coveredUnits, coverage.coveredHours, coverage.uncoveredHours, coverage.allocations);
    }

    /** Covered units and hours, uncovered hours and allocations of a row with at least one allocation. */
    record Coverage(BigDecimal coveredUnits, BigDecimal coveredHours, BigDecimal uncoveredHours,
            List<Allocation> allocations) {
    }

    Coverage computeCoverage(boolean fullyCovered) {
        if (moreReservationIds == null) {
            BigDecimal coveredHours = fullyCovered ? row.quantity() : hours(firstUnits);
            return new Coverage(firstUnits, coveredHours, uncovered(coveredHours),
                    List.of(new Allocation(firstReservationId, firstUnits, coveredHours)));
        }
        BigDecimal covered = fullyCovered ? demand : firstUnits.add(sum(moreUnits));
        BigDecimal coveredHours = fullyCovered ? row.quantity() : hours(covered);
        Allocation[] allocations = new Allocation[1 + moreUnits.size()];
        BigDecimal firstHours = hours(firstUnits);
        allocations[0] = new Allocation(firstReservationId, firstUnits, firstHours);
        BigDecimal hoursSoFar = firstHours;
        int last = moreUnits.size() - 1;
        for (int i = 0; i < last; i++) {
            BigDecimal hours = hours(moreUnits.get(i));
            allocations[i + 1] = new Allocation(moreReservationIds.get(i), moreUnits.get(i), hours);
            hoursSoFar = hoursSoFar.add(hours);
        }
        // The last allocation takes the remainder so that allocation hours add up to the row's covered hours.
        BigDecimal lastHours = coveredHours.subtract(hoursSoFar).max(BigDecimal.ZERO);
        allocations[last + 1] = new Allocation(moreReservationIds.get(last), moreUnits.get(last), lastHours);
        return new Coverage(covered, coveredHours, uncovered(coveredHours), List.of(allocations));
    }

    /**
     * Coverage by input, for one engine call. The key is everything {@link #computeCoverage} reads: ratio,
     * quantity, whether the row is fully covered, and the allocations' reservation ids and units.
     */
    static final class CoverageMemo {

        private Entry[] table = new Entry[1024];
        private int size;

        private static final class Entry {
            final int hash;
            final RowState row;
            final boolean fullyCovered;
            final Coverage coverage;

            Entry(int hash, RowState row, boolean fullyCovered, Coverage coverage) {
                this.hash = hash;
                this.row = row;
                this.fullyCovered = fullyCovered;
                this.coverage = coverage;
            }
        }

        Coverage coverage(RowState row, boolean fullyCovered) {
            int hash = row.coverageHash(fullyCovered);
            int mask = table.length - 1;
            int slot = hash & mask;
            for (Entry entry = table[slot]; entry != null; entry = table[slot = (slot + 1) & mask]) {
                if (entry.hash == hash && entry.fullyCovered == fullyCovered && entry.row.sameCoverageInput(row)) {
                    return entry.coverage;
                }
            }
            Coverage coverage = row.computeCoverage(fullyCovered);
            table[slot] = new Entry(hash, row, fullyCovered, coverage);
            if (++size * 2 > table.length) {
                rehash();
            }
            return coverage;
        }

        private void rehash() {
            Entry[] old = table;
            table = new Entry[old.length * 2];
            int mask = table.length - 1;
            for (Entry entry : old) {
                if (entry != null) {
                    int slot = entry.hash & mask;
                    while (table[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    table[slot] = entry;
                }
            }
        }
    }

    private int coverageHash(boolean fullyCovered) {
        int h = ratio.hashCode() * 31 + row.quantity().hashCode();
        h = h * 31 + (fullyCovered ? 1 : 0);
        h = h * 31 + firstReservationId.hashCode();
        h = h * 31 + firstUnits.hashCode();
        if (moreReservationIds != null) {
            for (int i = 0, n = moreUnits.size(); i < n; i++) {
                h = h * 31 + moreReservationIds.get(i).hashCode();
                h = h * 31 + moreUnits.get(i).hashCode();
            }
        }
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Whether {@link #computeCoverage} reads equal inputs (same values and scales) for both rows. */
    private boolean sameCoverageInput(RowState other) {
        return ratio.equals(other.ratio) && row.quantity().equals(other.row.quantity())
                && firstReservationId.equals(other.firstReservationId) && firstUnits.equals(other.firstUnits)
                && java.util.Objects.equals(moreReservationIds, other.moreReservationIds)
                && java.util.Objects.equals(moreUnits, other.moreUnits);
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
