package dev.ribilling.matching;

import static dev.ribilling.matching.MatchingFixtures.DAY;
import static dev.ribilling.matching.MatchingFixtures.ISF;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants on random customer-days (fixed seeds, so failures reproduce): nothing is covered twice, no
 * reservation gives more than it has, the books balance exactly, capacity is only lost when nothing it could
 * cover is left, and results do not depend on input order.
 */
class MatchingPropertyTests {

    private static final int SCENARIOS = 400;
    private static final String[] SIZES = {"Standard_DS1_v2", "Standard_DS2_v2", "Standard_DS3_v2", "Standard_DS5_v2",
        "Standard_D2s_v3", "Standard_D8s_v3", "Standard_F_half", "Standard_F_six", "Standard_Unknown_v1"};
    private static final String[] SUBS = {"sub-a", "sub-b"};
    private static final String[] GROUPS = {"rg-a", "rg-b"};
    private static final String[] REGIONS = {"westeurope", "northeurope"};
    private static final Eligibility[] ELIGIBILITIES = {Eligibility.ANY_RESERVATION, Eligibility.ANY_RESERVATION,
        Eligibility.ANY_RESERVATION, Eligibility.FLEXIBLE_RESERVATIONS_ONLY, Eligibility.NOT_ELIGIBLE};

    @Test
    void coverageNeverExceedsDemandAndTheBooksBalance() {
        for (long seed = 1; seed <= SCENARIOS; seed++) {
            Scenario scenario = Scenario.random(new Random(seed));
            MatchResult result = scenario.match();
            for (RowResult row : result.rows()) {
                String where = "seed " + seed + " row " + row.usageId();
                assertThat(row.coveredUnits().signum()).as(where).isNotNegative();
                assertThat(row.coveredUnits()).as(where).isLessThanOrEqualTo(row.demandUnits());
                assertThat(row.coveredUnits().add(row.uncoveredUnits())).as(where).isEqualByComparingTo(row.demandUnits());
                assertThat(row.coveredHours().add(row.uncoveredHours())).as(where).isEqualByComparingTo(row.quantity());
                assertThat(row.uncoveredHours().signum()).as(where).isNotNegative();
                assertThat(sum(row.allocations(), true)).as(where).isEqualByComparingTo(row.coveredUnits());
                assertThat(sum(row.allocations(), false)).as(where).isEqualByComparingTo(row.coveredHours());
                if (row.outcome() != RowOutcome.ELIGIBLE) {
                    assertThat(row.allocations()).as(where).isEmpty();
                }
            }
        }
    }

    @Test
    void coveredHoursPerReservationInOnePassEqualTheOnePerReservation() {
        for (long seed = 1; seed <= SCENARIOS; seed++) {
            MatchResult result = Scenario.random(new Random(seed)).match();
            Map<String, Map<String, BigDecimal>> all = result.coveredHoursByReservationAndVmSize();
            for (String reservationId : result.reservationOrder()) {
                // equals, not compareTo: the PAYG equivalent is computed from these values, scale included.
                assertThat(all.getOrDefault(reservationId, Map.of())).as("seed " + seed + " " + reservationId)
                        .isEqualTo(result.coveredHoursByVmSize(reservationId));
            }
            assertThat(result.reservationOrder()).containsAll(all.keySet());
        }
    }

    @Test
    void noReservationGivesMoreThanItsCapacityInAnySlot() {
        for (long seed = 1; seed <= SCENARIOS; seed++) {
            Scenario scenario = Scenario.random(new Random(seed));
            MatchResult result = scenario.match();
            Map<String, BigDecimal> hourlyUse = new HashMap<>();
            Map<String, BigDecimal> dailyUse = new HashMap<>();
            for (RowResult row : result.rows()) {
                for (Allocation allocation : row.allocations()) {
                    String key = allocation.reservationId() + "@" + row.slot();
                    (row.slot().isDaily() ? dailyUse : hourlyUse).merge(key, allocation.units(), BigDecimal::add);
                }
            }
            for (ReservationHourResult hour : result.reservationHours()) {
                String where = "seed " + seed + " " + hour;
                assertThat(hour.usedUnits()).as(where).isLessThanOrEqualTo(hour.capacityUnits());
                BigDecimal allocated = hourlyUse.getOrDefault(hour.reservationId() + "@"
                        + UsageSlot.hourly(hour.hourStart()), BigDecimal.ZERO);
                assertThat(allocated).as(where).isEqualByComparingTo(hour.usedUnits());
            }
            for (ReservationDayResult day : result.reservationDays()) {
                String where = "seed " + seed + " " + day;
                assertThat(day.usedUnits()).as(where).isLessThanOrEqualTo(day.capacityUnits());
                assertThat(dailyUse.getOrDefault(day.reservationId() + "@" + UsageSlot.daily(DAY), BigDecimal.ZERO))
                        .as(where).isEqualByComparingTo(day.usedByDailyRows());
            }
        }
    }

    @Test
    void capacityIsOnlyLostWhenEverythingItCouldCoverIsCovered() {
        for (long seed = 1; seed <= SCENARIOS; seed++) {
            Scenario scenario = Scenario.random(new Random(seed));
            MatchResult result = scenario.match();
            Map<Long, RowResult> rows = new HashMap<>();
            result.rows().forEach(row -> rows.put(row.usageId(), row));
            for (ReservationHourResult hour : result.reservationHours()) {
                if (hour.usedUnits().compareTo(hour.capacityUnits()) < 0) {
                    Reservation reservation = scenario.reservation(hour.reservationId());
                    UsageSlot slot = UsageSlot.hourly(hour.hourStart());
                    for (UsageRow usage : scenario.rows) {
                        if (usage.slot().equals(slot) && couldCover(reservation, usage)) {
                            assertThat(rows.get(usage.id()).uncoveredUnits()).as("seed " + seed + " " + hour)
                                    .isEqualByComparingTo("0");
                        }
                    }
                }
            }
        }
    }

    @Test
    void resultsDoNotDependOnInputOrder() {
        for (long seed = 1; seed <= SCENARIOS; seed++) {
            Scenario scenario = Scenario.random(new Random(seed));
            MatchResult expected = scenario.match();
            Random shuffler = new Random(-seed);
            for (int attempt = 0; attempt < 3; attempt++) {
                List<UsageRow> rows = new ArrayList<>(scenario.rows);
                List<Reservation> reservations = new ArrayList<>(scenario.reservations);
                Collections.shuffle(rows, shuffler);
                Collections.shuffle(reservations, shuffler);
                assertThat(new MatchingEngine(ISF).match(DAY, rows, reservations)).as("seed " + seed)
                        .isEqualTo(expected);
            }
        }
    }

    /** An independent statement of the match rule (contract section 3), for the lost-capacity property. */
    private static boolean couldCover(Reservation reservation, UsageRow row) {
        if (!row.eligibility().allows(reservation.instanceFlexibility()) || row.vmSize() == null
                || !reservation.region().equals(row.region())
                || !reservation.scopeIncludes(row.subscriptionId(), row.resourceGroup())) {
            return false;
        }
        String group = ISF.group(reservation.skuName());
        return reservation.instanceFlexibility() && group != null ? group.equals(ISF.group(row.vmSize()))
                : reservation.skuName().equals(row.vmSize());
    }

    private static BigDecimal sum(List<Allocation> allocations, boolean units) {
        BigDecimal total = BigDecimal.ZERO;
        for (Allocation allocation : allocations) {
            total = total.add(units ? allocation.units() : allocation.hours());
        }
        return total;
    }

    private record Scenario(List<UsageRow> rows, List<Reservation> reservations) {

        static Scenario random(Random random) {
            List<Reservation> reservations = new ArrayList<>();
            int reservationCount = 1 + random.nextInt(6);
            Instant midnight = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int i = 0; i < reservationCount; i++) {
                ScopeType scope = ScopeType.values()[random.nextInt(3)];
                Instant start = random.nextInt(3) == 0 ? midnight.plusSeconds(random.nextInt(86_400))
                        : midnight.minusSeconds(86_400L * 10);
                Instant expiry = random.nextInt(4) == 0 ? midnight.plusSeconds(random.nextInt(86_400))
                        : midnight.plusSeconds(86_400L * (1 + random.nextInt(400)));
                Instant cancelled = random.nextInt(5) == 0 ? midnight.plusSeconds(random.nextInt(86_400)) : null;
                reservations.add(new Reservation("r" + random.nextInt(1000) + "-" + i, pick(random, SIZES),
                        pick(random, REGIONS), BigDecimal.valueOf(1 + random.nextInt(4)), scope, pick(random, SUBS),
                        pick(random, GROUPS), random.nextBoolean(), start, expiry, cancelled));
            }
            List<UsageRow> rows = new ArrayList<>();
            int rowCount = random.nextInt(80);
            for (int i = 0; i < rowCount; i++) {
                boolean daily = random.nextInt(6) == 0;
                UsageSlot slot = daily ? UsageSlot.daily(DAY)
                        : UsageSlot.hourly(midnight.plusSeconds(3600L * random.nextInt(24)));
                BigDecimal quantity = daily ? BigDecimal.valueOf(random.nextInt(2401), 2)
                        : BigDecimal.valueOf(random.nextInt(101), 2);
                rows.add(new UsageRow(random.nextInt(1_000_000) * 100L + i, pick(random, SUBS), pick(random, GROUPS),
                        "vm-" + random.nextInt(12), pick(random, REGIONS), pick(random, SIZES),
                        pick(random, ELIGIBILITIES), slot, quantity));
            }
            return new Scenario(rows, reservations);
        }

        MatchResult match() {
            return new MatchingEngine(ISF).match(DAY, rows, reservations);
        }

        Reservation reservation(String id) {
            return reservations.stream().filter(r -> r.reservationId().equals(id)).findFirst().orElseThrow();
        }

        private static <T> T pick(Random random, T[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
