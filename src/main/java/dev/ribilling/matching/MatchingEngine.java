package dev.ribilling.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies reservations to usage for one customer and one UTC day (contract section 3). Pure: all working
 * state lives inside one {@link #match} call, so one instance (it only holds the ISF table) may serve many
 * calls and threads; memory is bounded by one customer-day.
 *
 * <p>Within the day, hourly rows are matched hour by hour; daily rows then share, in the same reservation
 * order, what each reservation left unused over the day. Results do not depend on the order of the input
 * collections: rows are processed in usage id order and reservations in application order.
 */
public final class MatchingEngine {

    /** Application order: narrowest scope, then earliest Expiry, then ReservationId ascending. */
    public static final Comparator<Reservation> APPLICATION_ORDER = Comparator
            .comparing(Reservation::scopeType)
            .thenComparing(Reservation::expiry)
            .thenComparing(reservation -> reservation.reservationId().toLowerCase(Locale.ROOT))
            .thenComparing(Reservation::reservationId);

    private static final ReservationState[] NONE = new ReservationState[0];

    private final IsfTable isf;

    public MatchingEngine(IsfTable isf) {
        this.isf = Objects.requireNonNull(isf, "isf");
    }

    /**
     * @param date         the UTC day; every row must have a slot on this date
     * @param rows         all usage rows of one customer on that day (any order; ids unique)
     * @param reservations all reservations of that customer (any order; inactive ones simply have no capacity)
     */
    public MatchResult match(LocalDate date, Collection<UsageRow> rows, Collection<Reservation> reservations) {
        ReservationState[] ordered = orderReservations(reservations);
        RowState[] states = prepareRows(date, rows, ordered);
        SlotAllocator allocator = new SlotAllocator();
        RowResult[] results = new RowResult[states.length];

        List<List<RowState>> hourlyRows = new ArrayList<>(24);
        int expectedPerHour = states.length / 24 + 16;
        for (int hour = 0; hour < 24; hour++) {
            hourlyRows.add(new ArrayList<>(expectedPerHour));
        }
        List<RowState> dailyRows = new ArrayList<>();
        for (RowState state : states) {
            if (state.outcome == RowOutcome.ELIGIBLE) {
                UsageSlot slot = state.row.slot();
                (slot.isDaily() ? dailyRows : hourlyRows.get(slot.hourOfDay())).add(state);
            }
        }

        List<List<ReservationHourResult>> hours = new ArrayList<>(ordered.length);
        for (int r = 0; r < ordered.length; r++) {
            hours.add(new ArrayList<>(24));
        }
        Instant midnight = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int hour = 0; hour < 24; hour++) {
            Instant hourStart = midnight.plusSeconds(hour * 3600L);
            collectCandidates(ordered, hourlyRows.get(hour));
            for (int r = 0; r < ordered.length; r++) {
                ReservationState reservation = ordered[r];
                BigDecimal capacity = reservation.capacityInHour(hourStart);
                if (capacity.signum() > 0) {
                    BigDecimal used = allocator.allocate(reservation, capacity);
                    reservation.dayCapacity = reservation.dayCapacity.add(capacity);
                    reservation.usedByHourlyRows = reservation.usedByHourlyRows.add(used);
                    hours.get(r).add(new ReservationHourResult(reservation.id, hourStart, capacity, used));
                }
            }
            // Hourly rows only ever meet the reservations of their own hour: their results are final now.
            finish(hourlyRows.get(hour), results);
        }
        collectCandidates(ordered, dailyRows);
        for (ReservationState reservation : ordered) {
            reservation.usedByDailyRows = allocator.allocate(reservation, reservation.dayLeftover());
        }
        return assemble(date, states, results, ordered, hours);
    }

    /** Results of one slot's rows, made while the rows are still in the processor's caches. */
    private static void finish(List<RowState> slotRows, RowResult[] results) {
        for (int i = 0, n = slotRows.size(); i < n; i++) {
            RowState state = slotRows.get(i);
            results[state.index] = state.toResult();
        }
    }

    private ReservationState[] orderReservations(Collection<Reservation> reservations) {
        Reservation[] sorted = reservations.toArray(new Reservation[0]);
        Arrays.sort(sorted, APPLICATION_ORDER);
        ReservationState[] states = new ReservationState[sorted.length];
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sorted.length; i++) {
            if (!ids.add(sorted[i].reservationId())) {
                throw new IllegalArgumentException("duplicate reservation id " + sorted[i].reservationId());
            }
            states[i] = new ReservationState(sorted[i], isf);
        }
        return states;
    }

    private RowState[] prepareRows(LocalDate date, Collection<UsageRow> rows, ReservationState[] ordered) {
        UsageRow[] sorted = rows.toArray(new UsageRow[0]);
        // Batch readers usually deliver rows in id order already; checking is cheaper than sorting.
        boolean sortedById = true;
        boolean anyDailyRow = false;
        for (int i = 0; i < sorted.length; i++) {
            UsageRow row = sorted[i];
            sortedById &= i == 0 || sorted[i - 1].id() <= row.id();
            anyDailyRow |= row.slot().isDaily();
        }
        if (!sortedById) {
            Arrays.sort(sorted, Comparator.comparingLong(UsageRow::id));
        }
        // Overlaps are only possible with daily rows; most days have none, so skip the set then.
        Set<String> vmsWithHourlyRows = Set.of();
        if (anyDailyRow) {
            vmsWithHourlyRows = new HashSet<>();
            for (UsageRow row : sorted) {
                if (!row.slot().isDaily() && row.resourceUri() != null) {
                    vmsWithHourlyRows.add(row.resourceUri());
                }
            }
        }
        RowState[] states = new RowState[sorted.length];
        Map<RowKindKey, RowKind> kinds = new HashMap<>();
        StartCache starts = new StartCache();
        UsageRow previous = null;
        RowKind kind = null;
        RowState.Step start = null;
        for (int i = 0; i < sorted.length; i++) {
            UsageRow row = sorted[i];
            if (previous != null && previous.id() == row.id()) {
                throw new IllegalArgumentException("duplicate usage row id " + row.id());
            }
            if (!row.slot().date().equals(date)) {
                throw new IllegalArgumentException("usage row " + row.id() + " is not on " + date);
            }
            // Rows of one VM usually follow each other in id order: compare with the previous row before hashing.
            if (previous == null || !RowKindKey.sameKind(previous, row)) {
                RowKindKey key = RowKindKey.of(row);
                kind = kinds.get(key);
                if (kind == null) {
                    kind = rowKind(ordered, row);
                    kinds.put(key, kind);
                }
            }
            if (previous == null || start.ratio != kind.sizing.ratio() || !previous.quantity().equals(row.quantity())) {
                start = starts.start(row.quantity(), kind.sizing.ratio());
            }
            previous = row;
            states[i] = new RowState(row, start, outcome(row, vmsWithHourlyRows), kind.admitting, i);
        }
        return states;
    }

    /**
     * Rows of equal quantity and ratio ({@link BigDecimal#equals}) start from the same step, so that their
     * shares are computed once. Open addressing on (quantity, ratio); no key objects per row.
     */
    private static final class StartCache {

        private BigDecimal[] quantities = new BigDecimal[512];
        private BigDecimal[] ratios = new BigDecimal[512];
        private RowState.Step[] starts = new RowState.Step[512];
        private int size;

        RowState.Step start(BigDecimal quantity, BigDecimal ratio) {
            int mask = starts.length - 1;
            int slot = slot(quantity, ratio) & mask;
            for (RowState.Step start = starts[slot]; start != null; start = starts[slot = (slot + 1) & mask]) {
                if (quantities[slot].equals(quantity) && (ratios[slot] == ratio || ratios[slot].equals(ratio))) {
                    return start;
                }
            }
            RowState.Step start = new RowState.Step(quantity, ratio);
            quantities[slot] = quantity;
            ratios[slot] = ratio;
            starts[slot] = start;
            if (++size * 2 > starts.length) {
                grow();
            }
            return start;
        }

        private static int slot(BigDecimal quantity, BigDecimal ratio) {
            int h = (quantity.hashCode() * 31 + ratio.hashCode()) * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        private void grow() {
            BigDecimal[] oldQuantities = quantities;
            BigDecimal[] oldRatios = ratios;
            RowState.Step[] oldStarts = starts;
            quantities = new BigDecimal[oldStarts.length * 2];
            ratios = new BigDecimal[oldStarts.length * 2];
            starts = new RowState.Step[oldStarts.length * 2];
            int mask = starts.length - 1;
            for (int i = 0; i < oldStarts.length; i++) {
                if (oldStarts[i] != null) {
                    int slot = slot(oldQuantities[i], oldRatios[i]) & mask;
                    while (starts[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    quantities[slot] = oldQuantities[i];
                    ratios[slot] = oldRatios[i];
                    starts[slot] = oldStarts[i];
                }
            }
        }
    }

    /** Everything the matching depends on besides the row's quantity, slot and id. */
    private record RowKindKey(String vmSize, String region, String subscriptionId, String resourceGroup,
            Eligibility eligibility) {

        static RowKindKey of(UsageRow row) {
            return new RowKindKey(row.vmSize(), row.region(), row.subscriptionId(), row.resourceGroup(),
                    row.eligibility());
        }

        static boolean sameKind(UsageRow a, UsageRow b) {
            return a.eligibility() == b.eligibility() && Objects.equals(a.vmSize(), b.vmSize())
                    && Objects.equals(a.region(), b.region()) && Objects.equals(a.subscriptionId(), b.subscriptionId())
                    && Objects.equals(a.resourceGroup(), b.resourceGroup());
        }

        // Written out: the generated record methods showed up in profiles.
        @Override
        public boolean equals(Object other) {
            return other instanceof RowKindKey key && eligibility == key.eligibility
                    && Objects.equals(vmSize, key.vmSize) && Objects.equals(region, key.region)
                    && Objects.equals(subscriptionId, key.subscriptionId)
                    && Objects.equals(resourceGroup, key.resourceGroup);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(vmSize);
            h = h * 31 + Objects.hashCode(region);
            h = h * 31 + Objects.hashCode(subscriptionId);
            h = h * 31 + Objects.hashCode(resourceGroup);
            return h * 31 + eligibility.ordinal();
        }
    }

    /** Sizing of a row's VM size, and the reservations that may cover rows of its kind, in application order. */
    private record RowKind(IsfTable.Sizing sizing, ReservationState[] admitting) {
    }

    private RowKind rowKind(ReservationState[] ordered, UsageRow row) {
        IsfTable.Sizing sizing = isf.sizingOfKey(row.vmSize());
        if (row.vmSize() == null || row.region() == null) {
            return new RowKind(sizing, NONE);
        }
        List<ReservationState> admitting = new ArrayList<>();
        for (ReservationState reservation : ordered) {
            if (reservation.sameKindAndRegion(row.vmSize(), sizing.group(), row.region()) && reservation.admits(row)) {
                admitting.add(reservation);
            }
        }
        return new RowKind(sizing, admitting.isEmpty() ? NONE : admitting.toArray(NONE));
    }

    /**
     * Contract section 3: "A daily row for a VM that also has hourly rows that day is rejected". Any hourly row of
     * the same resource counts (a licence meter too: the VM has hourly rows that day). Only eligible daily rows
     * are rejected: they are the ones that would take capacity; an ineligible daily row (a licence meter, Spot)
     * is billed as it is.
     */
    private static RowOutcome outcome(UsageRow row, Set<String> vmsWithHourlyRows) {
        if (row.eligibility() == Eligibility.NOT_ELIGIBLE) {
            return RowOutcome.NOT_ELIGIBLE;
        }
        if (row.slot().isDaily() && row.resourceUri() != null && vmsWithHourlyRows.contains(row.resourceUri())) {
            return RowOutcome.OVERLAPS_HOURLY_USAGE;
        }
        return RowOutcome.ELIGIBLE;
    }

    /** Fills each reservation's candidate list with the rows of one slot it may cover, in usage id order. */
    private static void collectCandidates(ReservationState[] ordered, List<RowState> slotRows) {
        for (ReservationState reservation : ordered) {
            reservation.candidates.clear();
        }
        for (int i = 0, n = slotRows.size(); i < n; i++) {
            RowState state = slotRows.get(i);
            for (ReservationState reservation : state.admitting) {
                reservation.candidates.add(state);
            }
        }
    }

    private static MatchResult assemble(LocalDate date, RowState[] states, RowResult[] results,
            ReservationState[] ordered, List<List<ReservationHourResult>> hours) {
        for (int i = 0; i < states.length; i++) {
            if (results[i] == null) {
                results[i] = states[i].toResult();
            }
        }
        List<RowResult> rows = Arrays.asList(results);
        List<ReservationHourResult> hourResults = new ArrayList<>();
        List<ReservationDayResult> days = new ArrayList<>();
        List<String> order = new ArrayList<>(ordered.length);
        for (int r = 0; r < ordered.length; r++) {
            ReservationState reservation = ordered[r];
            order.add(reservation.id);
            hourResults.addAll(hours.get(r));
            if (reservation.dayCapacity.signum() > 0) {
                days.add(new ReservationDayResult(reservation.id, date, reservation.dayCapacity,
                        reservation.usedUnits(), reservation.usedByHourlyRows, reservation.usedByDailyRows));
            }
        }
        return new MatchResult(date, rows, hourResults, days, order);
    }
}
