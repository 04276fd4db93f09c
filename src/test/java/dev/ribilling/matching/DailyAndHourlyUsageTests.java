package dev.ribilling.matching;

import static dev.ribilling.matching.MatchingFixtures.DAY;
import static dev.ribilling.matching.MatchingFixtures.day;
import static dev.ribilling.matching.MatchingFixtures.match;
import static dev.ribilling.matching.MatchingFixtures.reservation;
import static dev.ribilling.matching.MatchingFixtures.row;
import static dev.ribilling.matching.MatchingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 3 "Daily and hourly rows together". */
class DailyAndHourlyUsageTests {

    @Test
    void dailyRowsShareWhatTheHourlyRowsLeftOver() {
        List<UsageRow> rows = new ArrayList<>();
        for (int hour = 0; hour < 10; hour++) {
            rows.add(usage(hour + 1).vm("hourly-vm").hour(hour).build());
        }
        rows.add(usage(100).vm("daily-vm-1").daily().hours("24").build());
        rows.add(usage(101).vm("daily-vm-2").daily().hours("12").build());

        MatchResult result = match(rows, List.of(reservation("r1", "Standard_DS1_v2").build()));

        // 24 units a day; hourly rows take 10; the 14 left are shared 24:12 by the daily rows.
        ReservationDayResult reservationDay = day(result, "r1");
        assertThat(reservationDay.usedByHourlyRows()).isEqualByComparingTo("10");
        assertThat(reservationDay.usedByDailyRows()).isEqualByComparingTo("14");
        assertThat(reservationDay.usedUnits()).isEqualByComparingTo("24");
        assertThat(row(result, 100).coveredHours().add(row(result, 101).coveredHours())).isEqualByComparingTo("14");
        assertThat(row(result, 101).coveredHours().setScale(6, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("4.666667");
        assertThat(row(result, 1).coveredHours()).isEqualByComparingTo("1");
    }

    @Test
    void dailyRowsFollowTheSameReservationOrder() {
        MatchResult result = match(List.of(usage(1).daily().hours("30").build()),
                List.of(reservation("shared", "Standard_DS1_v2").build(),
                        reservation("single", "Standard_DS1_v2").single(MatchingFixtures.SUB).build()));

        RowResult daily = row(result, 1);
        assertThat(daily.allocations()).extracting(Allocation::reservationId).containsExactly("single", "shared");
        assertThat(daily.allocations()).extracting(a -> a.hours().intValueExact()).containsExactly(24, 6);
    }

    @Test
    void aDailyRowForAVmWithHourlyRowsThatDayIsRejected() {
        MatchResult result = match(
                List.of(usage(1).vm("vm1").hour(3).build(), usage(2).vm("VM1").daily().hours("5").build(),
                        usage(3).vm("vm2").daily().hours("5").build()),
                List.of(reservation("r1", "Standard_DS1_v2").build()));

        RowResult overlapping = row(result, 2);
        assertThat(overlapping.outcome()).isEqualTo(RowOutcome.OVERLAPS_HOURLY_USAGE);
        assertThat(overlapping.outcome().rejectReason()).isEqualTo("overlaps hourly usage");
        assertThat(overlapping.coveredUnits()).isEqualByComparingTo("0");
        assertThat(row(result, 3).outcome()).isEqualTo(RowOutcome.ELIGIBLE);
        assertThat(row(result, 3).coveredHours()).isEqualByComparingTo("5");
    }

    @Test
    void hourlyRowsThatNoReservationCanCoverStillMakeTheVmsDailyRowAnOverlap() {
        // Contract: "a daily row for a VM that also has hourly rows that day": a licence meter is such a row.
        MatchResult result = match(
                List.of(usage(1).vm("vm1").hour(0).eligibility(Eligibility.NOT_ELIGIBLE).build(),
                        usage(2).vm("vm1").daily().hours("10").build(),
                        usage(3).vm("vm2").daily().eligibility(Eligibility.NOT_ELIGIBLE).hours("10").build(),
                        usage(4).vm("vm2").hour(1).build()),
                List.of(reservation("r1", "Standard_DS1_v2").build()));

        assertThat(row(result, 1).outcome()).isEqualTo(RowOutcome.NOT_ELIGIBLE);
        assertThat(row(result, 2).outcome()).isEqualTo(RowOutcome.OVERLAPS_HOURLY_USAGE);
        assertThat(row(result, 2).coveredUnits()).isEqualByComparingTo("0");
        // An ineligible daily row takes no capacity: it is billed as it is, never rejected.
        assertThat(row(result, 3).outcome()).isEqualTo(RowOutcome.NOT_ELIGIBLE);
        assertThat(day(result, "r1").usedUnits()).isEqualByComparingTo("1");
    }

    @Test
    void rowsOfAnotherDayAreRefused() {
        UsageRow tomorrow = new UsageRow(1, "s", "g", "u", "westeurope", "Standard_DS1_v2",
                Eligibility.ANY_RESERVATION, UsageSlot.daily(DAY.plusDays(1)), java.math.BigDecimal.ONE);
        assertThatThrownBy(() -> match(List.of(tomorrow), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hourlySlotsMustStartOnTheHour() {
        assertThatThrownBy(() -> UsageSlot.hourly(MatchingFixtures.at(10, 15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(UsageSlot.hourly(MatchingFixtures.at(23, 0)).hourOfDay()).isEqualTo(23);
    }
}
