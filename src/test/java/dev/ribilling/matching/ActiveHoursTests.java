package dev.ribilling.matching;

import static dev.ribilling.matching.MatchingFixtures.DAY;
import static dev.ribilling.matching.MatchingFixtures.at;
import static dev.ribilling.matching.MatchingFixtures.day;
import static dev.ribilling.matching.MatchingFixtures.match;
import static dev.ribilling.matching.MatchingFixtures.reservation;
import static dev.ribilling.matching.MatchingFixtures.row;
import static dev.ribilling.matching.MatchingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capacity follows the active period exactly: BenefitStart inclusive to min(Expiry, CancelledAt) exclusive. */
class ActiveHoursTests {

    /** One DS1_v2 VM running every hour of the day. */
    private static List<UsageRow> allDay() {
        return allDay("Standard_DS1_v2");
    }

    private static List<UsageRow> allDay(String size) {
        List<UsageRow> rows = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            rows.add(usage(hour + 1).vm("vm1").size(size).hour(hour).build());
        }
        return rows;
    }

    private static ReservationHourResult hour(MatchResult result, int hour) {
        Instant start = at(hour, 0);
        return result.reservationHours().stream().filter(h -> h.hourStart().equals(start)).findFirst().orElseThrow();
    }

    @Test
    void benefitStartAt1320GivesFortySixtiethsOfThatHour() {
        MatchResult result = match(allDay(), List.of(reservation("r1", "Standard_DS1_v2").start(at(13, 20)).build()));

        assertThat(result.reservationHours()).extracting(ReservationHourResult::hourStart).first().isEqualTo(at(13, 0));
        assertThat(hour(result, 13).capacityUnits().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("0.6667");
        assertThat(row(result, 14).coveredHours().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("0.6667");
        assertThat(row(result, 13).coveredHours()).isEqualByComparingTo("0");
        assertThat(row(result, 15).coveredHours()).isEqualByComparingTo("1");
        // Exact fraction, not rounded to 4 decimals internally: 10 full hours + 2/3.
        assertThat(day(result, "r1").capacityUnits().subtract(new BigDecimal("10")).multiply(new BigDecimal("3"))
                .setScale(20, RoundingMode.HALF_UP)).isEqualByComparingTo("2");
        assertThat(day(result, "r1").usedUnits()).isEqualByComparingTo(day(result, "r1").capacityUnits());
    }

    @Test
    void cancellationAt1030EndsTheBenefitMidHour() {
        MatchResult result = match(allDay(), List.of(reservation("r1", "Standard_DS1_v2").cancelledAt(at(10, 30)).build()));

        assertThat(hour(result, 10).capacityUnits()).isEqualByComparingTo("0.5");
        assertThat(row(result, 11).coveredHours()).isEqualByComparingTo("0.5");
        assertThat(row(result, 12).coveredHours()).isEqualByComparingTo("0");
        assertThat(result.reservationHours()).hasSize(11);
        assertThat(day(result, "r1").capacityUnits()).isEqualByComparingTo("10.5");
        assertThat(day(result, "r1").usedUnits()).isEqualByComparingTo("10.5");
    }

    @Test
    void expiryMidDayEndsTheBenefitAtThatInstant() {
        // A DS2_v2 VM (2 units) all day against two DS1_v2 instances expiring at 16:45.
        MatchResult result = match(allDay("Standard_DS2_v2"), List.of(reservation("r1", "Standard_DS1_v2")
                .quantity("2").expiry(at(16, 45)).build()));

        assertThat(hour(result, 16).capacityUnits()).isEqualByComparingTo("1.5");
        assertThat(day(result, "r1").capacityUnits()).isEqualByComparingTo("33.5");
        assertThat(day(result, "r1").usedUnits()).isEqualByComparingTo("33.5");
        assertThat(row(result, 17).coveredHours()).isEqualByComparingTo("0.75");
    }

    @Test
    void aCancellationAfterExpiryChangesNothingAndInactiveReservationsReportNoDay() {
        MatchResult result = match(allDay(), List.of(
                reservation("r1", "Standard_DS1_v2").expiry(at(6, 0)).cancelledAt(at(20, 0)).build(),
                reservation("future", "Standard_DS1_v2").start(DAY.plusDays(1).atStartOfDay()
                        .toInstant(java.time.ZoneOffset.UTC)).build()));

        assertThat(day(result, "r1").capacityUnits()).isEqualByComparingTo("6");
        assertThat(result.reservationDays()).extracting(ReservationDayResult::reservationId).containsExactly("r1");
    }
}
