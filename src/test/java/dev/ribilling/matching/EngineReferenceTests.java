package dev.ribilling.matching;

import static dev.ribilling.matching.MatchingFixtures.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine shares arithmetic between rows with equal inputs (coverage steps, one share per step, sums of
 * {@code value × rows}). This compares it, on random customer-days, with {@link Reference}: the row-by-row
 * BigDecimal computation the engine used before, kept here verbatim in structure. Results must be equal with
 * {@link BigDecimal#equals}, i.e. the same value and the same scale, in every field.
 */
class EngineReferenceTests {

    private static final IsfTable RATIOS = IsfTable.of(
            new IsfEntry("A", "a1", new BigDecimal("1")), new IsfEntry("A", "a2", new BigDecimal("2")),
            new IsfEntry("A", "a4", new BigDecimal("4")), new IsfEntry("A", "a576", new BigDecimal("57.6")),
            new IsfEntry("A", "a05", new BigDecimal("0.5")), new IsfEntry("A", "a15", new BigDecimal("1.5")),
            new IsfEntry("B", "b025", new BigDecimal("0.25")), new IsfEntry("B", "b3", new BigDecimal("3")),
            new IsfEntry("B", "b6", new BigDecimal("6.0")), new IsfEntry("B", "b7", new BigDecimal("7")),
            new IsfEntry("B", "b1", new BigDecimal("1.00")), new IsfEntry("B", "b12", new BigDecimal("12")));
    private static final String[] SIZES = {"a1", "a2", "a4", "a576", "a05", "a15", "b025", "b3", "b6", "b7", "b1",
        "b12", "unknown", "A4"};

    @Test
    void sharedArithmeticGivesTheRowByRowResultsExactly() {
        MatchingEngine engine = new MatchingEngine(RATIOS);
        Reference reference = new Reference(RATIOS);
        for (long seed = 1; seed <= 1500; seed++) {
            List<Reservation> reservations = new ArrayList<>();
            List<UsageRow> rows = new ArrayList<>();
            scenario(new Random(seed), reservations, rows);
            assertThat(engine.match(DAY, rows, reservations)).as("seed " + seed)
                    .isEqualTo(reference.match(DAY, rows, reservations));
        }
    }

    @Test
    void benchmarkShapedDaysGiveTheRowByRowResultsExactly() {
        MatchingEngine engine = new MatchingEngine(MatchingFixtures.ISF);
        Reference reference = new Reference(MatchingFixtures.ISF);
        String[] sizes = {"Standard_DS1_v2", "Standard_DS2_v2", "Standard_DS3_v2", "Standard_DS4_v2",
            "Standard_D2s_v3", "Standard_D4s_v3", "Standard_D8s_v3"};
        Instant midnight = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int seed = 0; seed < 6; seed++) {
            Random random = new Random(seed);
            int factor = 1 + seed % 4;
            List<UsageRow> rows = new ArrayList<>();
            long id = 1;
            for (int vm = 0; vm < 120; vm++) {
                String subscription = "sub-" + random.nextInt(3);
                String group = "rg-" + random.nextInt(4);
                String region = random.nextBoolean() ? "westeurope" : "northeurope";
                String size = sizes[random.nextInt(sizes.length)];
                for (int hour = 0; hour < 24; hour++) {
                    BigDecimal hours = random.nextInt(5) == 0 ? BigDecimal.valueOf(random.nextInt(100) + 1, 2)
                            : BigDecimal.ONE;
                    rows.add(new UsageRow(id++, subscription, group, "vm-" + vm, region, size,
                            Eligibility.ANY_RESERVATION, UsageSlot.hourly(midnight.plusSeconds(3600L * hour)), hours));
                }
            }
            List<Reservation> reservations = new ArrayList<>();
            Instant start = midnight.minusSeconds(86_400L * 100);
            for (int r = 0; r < 14; r++) {
                reservations.add(new Reservation("res-" + r, sizes[random.nextInt(sizes.length)],
                        r % 2 == 0 ? "westeurope" : "northeurope", BigDecimal.valueOf((2L + random.nextInt(6)) * factor),
                        ScopeType.values()[r % 3], "sub-" + random.nextInt(3), "rg-" + random.nextInt(4), r % 5 != 0,
                        start, start.plusSeconds(86_400L * (200 + r)), null));
            }
            assertThat(engine.match(DAY, rows, reservations)).as("seed " + seed)
                    .isEqualTo(reference.match(DAY, rows, reservations));
        }
    }

    /** Partial hours, cancellations, daily rows, overlaps, odd scales, ratios that do not divide evenly. */
    private static void scenario(Random random, List<Reservation> reservations, List<UsageRow> rows) {
        Instant midnight = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        String[] subs = {"s1", "s2", "S3"};
        String[] groups = {"g1", "g2"};
        String[] regions = {"we", "ne"};
        int reservationCount = 1 + random.nextInt(14);
        for (int i = 0; i < reservationCount; i++) {
            Instant start = random.nextInt(3) == 0 ? midnight.plusSeconds(random.nextInt(86_400))
                    : midnight.minusSeconds(86_400L * 10);
            if (random.nextInt(10) == 0) {
                start = start.plusNanos(random.nextInt(1_000_000_000));
            }
            Instant expiry = random.nextInt(4) == 0 ? midnight.plusSeconds(random.nextInt(86_400))
                    : midnight.plusSeconds(86_400L * (1 + random.nextInt(400)));
            Instant cancelled = random.nextInt(5) == 0 ? midnight.plusSeconds(random.nextInt(86_400)) : null;
            BigDecimal quantity = switch (random.nextInt(4)) {
                case 0 -> BigDecimal.valueOf(1 + random.nextInt(4));
                case 1 -> BigDecimal.valueOf(1 + random.nextInt(40));
                case 2 -> BigDecimal.valueOf(1 + random.nextInt(300), 1);
                default -> BigDecimal.valueOf(1 + random.nextInt(3)).setScale(random.nextInt(3));
            };
            reservations.add(new Reservation("R" + random.nextInt(1000) + "-" + i, SIZES[random.nextInt(SIZES.length)],
                    regions[random.nextInt(2)], quantity, ScopeType.values()[random.nextInt(3)], subs[random.nextInt(3)],
                    groups[random.nextInt(2)], random.nextInt(4) != 0, start, expiry, cancelled));
        }
        int count = random.nextInt(4) == 0 ? random.nextInt(1500) : random.nextInt(200);
        int vms = 1 + random.nextInt(60);
        Eligibility[] eligibilities = {Eligibility.ANY_RESERVATION, Eligibility.ANY_RESERVATION,
            Eligibility.ANY_RESERVATION, Eligibility.FLEXIBLE_RESERVATIONS_ONLY, Eligibility.NOT_ELIGIBLE};
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            boolean daily = random.nextInt(8) == 0;
            UsageSlot slot = daily ? UsageSlot.daily(DAY)
                    : UsageSlot.hourly(midnight.plusSeconds(3600L * random.nextInt(24)));
            BigDecimal quantity = switch (random.nextInt(6)) {
                case 0, 1 -> BigDecimal.ONE;
                case 2 -> BigDecimal.valueOf(random.nextInt(101), 2);
                case 3 -> BigDecimal.valueOf(random.nextInt(1_000_001), 6);
                case 4 -> new BigDecimal("1.0");
                default -> daily ? BigDecimal.valueOf(random.nextInt(2401), 2) : BigDecimal.valueOf(random.nextInt(3));
            };
            int vm = random.nextInt(vms);
            String size = random.nextInt(30) == 0 ? null
                    : SIZES[(vm * 7 + (random.nextInt(5) == 0 ? random.nextInt(5) : 0)) % SIZES.length];
            String region = random.nextInt(40) == 0 ? null : regions[vm % 2];
            long id;
            do {
                id = random.nextInt(10) == 0 ? random.nextInt(1_000_000) : i + 1;
            } while (!ids.add(id));
            rows.add(new UsageRow(id, subs[vm % 3], groups[(vm / 3) % 2], random.nextInt(20) == 0 ? null : "vm-" + vm,
                    region, size, eligibilities[random.nextInt(eligibilities.length)], slot, quantity));
        }
    }

    /** The engine's earlier row-by-row computation (one share, one subtraction, one division per row). */
    static final class Reference {

        private final IsfTable isf;

        Reference(IsfTable isf) {
            this.isf = isf;
        }

        private static final class Res {
            final Reservation reservation;
            final BigDecimal unitsPerHour;
            final String matchGroup;
            final List<Row> candidates = new ArrayList<>();
            BigDecimal dayCapacity = BigDecimal.ZERO;
            BigDecimal usedByHourlyRows = BigDecimal.ZERO;
            BigDecimal usedByDailyRows = BigDecimal.ZERO;

            Res(Reservation reservation, IsfTable isf) {
                this.reservation = reservation;
                IsfTable.Sizing sizing = isf.sizing(reservation.skuName());
                this.unitsPerHour = reservation.quantity().multiply(sizing.ratio());
                this.matchGroup = reservation.instanceFlexibility() ? sizing.group() : null;
            }

            boolean covers(UsageRow row, String rowGroup) {
                boolean sameKind = matchGroup != null ? matchGroup.equals(rowGroup)
                        : reservation.skuName().equals(row.vmSize());
                return sameKind && reservation.region().equals(row.region())
                        && row.eligibility().allows(reservation.instanceFlexibility())
                        && reservation.scopeIncludes(row.subscriptionId(), row.resourceGroup());
            }

            BigDecimal capacityInHour(Instant hourStart) {
                Instant hourEnd = hourStart.plusSeconds(3600);
                Instant from = reservation.benefitStart();
                Instant until = reservation.activeUntil();
                if (!from.isAfter(hourStart) && !until.isBefore(hourEnd)) {
                    return unitsPerHour;
                }
                Instant start = from.isAfter(hourStart) ? from : hourStart;
                Instant end = until.isBefore(hourEnd) ? until : hourEnd;
                if (!end.isAfter(start)) {
                    return BigDecimal.ZERO;
                }
                BigDecimal fraction = BigDecimal.valueOf(Duration.between(start, end).toNanos())
                        .divide(BigDecimal.valueOf(Duration.ofHours(1).toNanos()), Money.MATH);
                return unitsPerHour.multiply(fraction, Money.MATH);
            }
        }

        private static final class Row {
            final UsageRow row;
            final BigDecimal ratio;
            final String group;
            final BigDecimal demand;
            final RowOutcome outcome;
            BigDecimal remaining;
            final List<String> ids = new ArrayList<>();
            final List<BigDecimal> units = new ArrayList<>();

            Row(UsageRow row, IsfTable.Sizing sizing, RowOutcome outcome) {
                this.row = row;
                this.ratio = sizing.ratio();
                this.group = sizing.group();
                this.outcome = outcome;
                this.demand = row.quantity().multiply(ratio);
                this.remaining = outcome == RowOutcome.ELIGIBLE ? demand : BigDecimal.ZERO;
            }

            void take(String id, BigDecimal taken) {
                if (taken.signum() <= 0) {
                    return;
                }
                ids.add(id);
                units.add(taken);
                remaining = taken == remaining ? BigDecimal.ZERO : remaining.subtract(taken);
            }

            RowResult toResult() {
                BigDecimal quantity = row.quantity();
                if (ids.isEmpty()) {
                    return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, quantity, demand,
                            BigDecimal.ZERO, BigDecimal.ZERO, quantity, List.of());
                }
                boolean fullyCovered = remaining.signum() == 0;
                if (ids.size() == 1) {
                    BigDecimal coveredHours = fullyCovered ? quantity : hours(units.get(0));
                    return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, quantity, demand,
                            units.get(0), coveredHours, uncovered(coveredHours),
                            List.of(new Allocation(ids.get(0), units.get(0), coveredHours)));
                }
                BigDecimal more = units.get(1);
                for (int i = 2; i < units.size(); i++) {
                    more = more.add(units.get(i));
                }
                BigDecimal covered = fullyCovered ? demand : units.get(0).add(more);
                BigDecimal coveredHours = fullyCovered ? quantity : hours(covered);
                List<Allocation> allocations = new ArrayList<>();
                BigDecimal hoursSoFar = BigDecimal.ZERO;
                int last = units.size() - 1;
                for (int i = 0; i < last; i++) {
                    BigDecimal hours = hours(units.get(i));
                    allocations.add(new Allocation(ids.get(i), units.get(i), hours));
                    hoursSoFar = i == 0 ? hours : hoursSoFar.add(hours);
                }
                allocations.add(new Allocation(ids.get(last), units.get(last),
                        coveredHours.subtract(hoursSoFar).max(BigDecimal.ZERO)));
                return new RowResult(row.id(), row.slot(), row.vmSize(), outcome, ratio, quantity, demand, covered,
                        coveredHours, uncovered(coveredHours), allocations);
            }

            private BigDecimal uncovered(BigDecimal coveredHours) {
                return coveredHours == row.quantity() ? BigDecimal.ZERO : row.quantity().subtract(coveredHours);
            }

            private BigDecimal hours(BigDecimal coveredUnits) {
                return ratio.compareTo(BigDecimal.ONE) == 0 ? coveredUnits
                        : coveredUnits.divide(ratio, EngineMath.DOWN);
            }
        }

        MatchResult match(LocalDate date, List<UsageRow> input, List<Reservation> reservationInput) {
            Reservation[] sortedReservations = reservationInput.toArray(new Reservation[0]);
            Arrays.sort(sortedReservations, MatchingEngine.APPLICATION_ORDER);
            Res[] ordered = new Res[sortedReservations.length];
            for (int i = 0; i < ordered.length; i++) {
                ordered[i] = new Res(sortedReservations[i], isf);
            }
            UsageRow[] sorted = input.toArray(new UsageRow[0]);
            Arrays.sort(sorted, Comparator.comparingLong(UsageRow::id));
            boolean anyDaily = Arrays.stream(sorted).anyMatch(row -> row.slot().isDaily());
            Set<String> vmsWithHourlyRows = new HashSet<>();
            for (UsageRow row : sorted) {
                if (anyDaily && !row.slot().isDaily() && row.resourceUri() != null) {
                    vmsWithHourlyRows.add(row.resourceUri());
                }
            }
            Row[] rows = new Row[sorted.length];
            List<List<Row>> slots = new ArrayList<>();
            for (int slot = 0; slot <= 24; slot++) {
                slots.add(new ArrayList<>());
            }
            for (int i = 0; i < sorted.length; i++) {
                UsageRow row = sorted[i];
                RowOutcome outcome = row.eligibility() == Eligibility.NOT_ELIGIBLE ? RowOutcome.NOT_ELIGIBLE
                        : row.slot().isDaily() && row.resourceUri() != null
                                && vmsWithHourlyRows.contains(row.resourceUri()) ? RowOutcome.OVERLAPS_HOURLY_USAGE
                        : RowOutcome.ELIGIBLE;
                rows[i] = new Row(row, isf.sizing(row.vmSize()), outcome);
                if (outcome == RowOutcome.ELIGIBLE) {
                    slots.get(row.slot().isDaily() ? 24 : row.slot().hourOfDay()).add(rows[i]);
                }
            }
            List<ReservationHourResult> hourResults = new ArrayList<>();
            List<List<ReservationHourResult>> hoursByReservation = new ArrayList<>();
            for (int r = 0; r < ordered.length; r++) {
                hoursByReservation.add(new ArrayList<>());
            }
            Instant midnight = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int hour = 0; hour < 24; hour++) {
                Instant hourStart = midnight.plusSeconds(hour * 3600L);
                candidates(ordered, slots.get(hour));
                for (int r = 0; r < ordered.length; r++) {
                    Res reservation = ordered[r];
                    BigDecimal capacity = reservation.capacityInHour(hourStart);
                    if (capacity.signum() > 0) {
                        BigDecimal used = allocate(reservation, capacity);
                        reservation.dayCapacity = reservation.dayCapacity.add(capacity);
                        reservation.usedByHourlyRows = reservation.usedByHourlyRows.add(used);
                        hoursByReservation.get(r).add(new ReservationHourResult(reservation.reservation.reservationId(),
                                hourStart, capacity, used));
                    }
                }
            }
            candidates(ordered, slots.get(24));
            for (Res reservation : ordered) {
                reservation.usedByDailyRows = allocate(reservation,
                        reservation.dayCapacity.subtract(reservation.usedByHourlyRows));
            }
            List<RowResult> results = new ArrayList<>();
            for (Row row : rows) {
                results.add(row.toResult());
            }
            List<ReservationDayResult> days = new ArrayList<>();
            List<String> order = new ArrayList<>();
            for (int r = 0; r < ordered.length; r++) {
                Res reservation = ordered[r];
                String id = reservation.reservation.reservationId();
                order.add(id);
                hourResults.addAll(hoursByReservation.get(r));
                if (reservation.dayCapacity.signum() > 0) {
                    days.add(new ReservationDayResult(id, date, reservation.dayCapacity,
                            reservation.usedByHourlyRows.add(reservation.usedByDailyRows),
                            reservation.usedByHourlyRows, reservation.usedByDailyRows));
                }
            }
            return new MatchResult(date, results, hourResults, days, order);
        }

        private static void candidates(Res[] ordered, List<Row> slotRows) {
            for (Res reservation : ordered) {
                reservation.candidates.clear();
                for (Row row : slotRows) {
                    if (row.row.vmSize() != null && row.row.region() != null && reservation.covers(row.row, row.group)) {
                        reservation.candidates.add(row);
                    }
                }
            }
        }

        private static BigDecimal allocate(Res reservation, BigDecimal capacity) {
            if (capacity.signum() <= 0 || reservation.candidates.isEmpty()) {
                return BigDecimal.ZERO;
            }
            List<Row> active = new ArrayList<>();
            BigDecimal demand = BigDecimal.ZERO;
            for (Row row : reservation.candidates) {
                if (row.remaining.signum() > 0) {
                    active.add(row);
                    demand = demand.add(row.remaining);
                }
            }
            if (active.isEmpty()) {
                return BigDecimal.ZERO;
            }
            String id = reservation.reservation.reservationId();
            if (demand.compareTo(capacity) <= 0) {
                for (Row row : active) {
                    row.take(id, row.remaining);
                }
                return demand;
            }
            BigDecimal factor = capacity.divide(demand, EngineMath.DOWN);
            BigDecimal given = BigDecimal.ZERO;
            int last = active.size() - 1;
            for (int i = 0; i < last; i++) {
                Row row = active.get(i);
                BigDecimal share = row.remaining.multiply(factor, EngineMath.DOWN);
                row.take(id, share);
                given = given.add(share);
            }
            Row lastRow = active.get(last);
            BigDecimal lastShare = capacity.subtract(given).min(lastRow.remaining);
            lastRow.take(id, lastShare);
            return given.add(lastShare);
        }
    }
}
