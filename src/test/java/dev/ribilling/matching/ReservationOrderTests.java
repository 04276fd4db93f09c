package dev.ribilling.matching;

import static dev.ribilling.matching.MatchingFixtures.RG;
import static dev.ribilling.matching.MatchingFixtures.SUB;
import static dev.ribilling.matching.MatchingFixtures.at;
import static dev.ribilling.matching.MatchingFixtures.day;
import static dev.ribilling.matching.MatchingFixtures.match;
import static dev.ribilling.matching.MatchingFixtures.reservation;
import static dev.ribilling.matching.MatchingFixtures.row;
import static dev.ribilling.matching.MatchingFixtures.unitsFrom;
import static dev.ribilling.matching.MatchingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 3 "Order": narrowest scope, then earliest Expiry, then ReservationId; remainders continue (Q7). */
class ReservationOrderTests {

    @Test
    void resourceGroupScopeBeforeSingleBeforeShared() {
        // Ids chosen so that id order alone would pick the shared one first.
        List<Reservation> reservations = List.of(
                reservation("a-shared", "Standard_DS1_v2").build(),
                reservation("b-single", "Standard_DS1_v2").single(SUB).build(),
                reservation("c-rg", "Standard_DS1_v2").resourceGroup(SUB, RG).build());

        MatchResult one = match(List.of(usage(1).build()), reservations);
        assertThat(row(one, 1).allocations()).extracting(Allocation::reservationId).containsExactly("c-rg");
        assertThat(one.reservationOrder()).containsExactly("c-rg", "b-single", "a-shared");

        MatchResult two = match(List.of(usage(1).hours("1").build(), usage(2).build()), reservations);
        assertThat(day(two, "c-rg").usedUnits()).isEqualByComparingTo("1");
        assertThat(day(two, "b-single").usedUnits()).isEqualByComparingTo("1");
        assertThat(day(two, "a-shared").usedUnits()).isEqualByComparingTo("0");
    }

    @Test
    void withinAScopeEarliestExpiryFirst() {
        List<Reservation> reservations = List.of(
                reservation("a-late", "Standard_DS1_v2").expiry(at(0, 0).plusSeconds(86_400L * 200)).build(),
                reservation("b-early", "Standard_DS1_v2").expiry(at(0, 0).plusSeconds(86_400L * 100)).build());

        MatchResult result = match(List.of(usage(1).build()), reservations);

        assertThat(row(result, 1).allocations()).extracting(Allocation::reservationId).containsExactly("b-early");
    }

    @Test
    void sameScopeAndExpiryFallsBackToReservationIdAscending() {
        List<Reservation> reservations = List.of(
                reservation("r-2", "Standard_DS1_v2").build(), reservation("r-10", "Standard_DS1_v2").build(),
                reservation("R-1", "Standard_DS1_v2").build());

        MatchResult result = match(List.of(usage(1).build()), reservations);

        assertThat(result.reservationOrder()).containsExactly("R-1", "r-10", "r-2");
        assertThat(row(result, 1).allocations()).extracting(Allocation::reservationId).containsExactly("R-1");
    }

    @Test
    void remainderAfterANarrowReservationContinuesToBroaderOnes() {
        // domain.md Q7: a DS2_v2 (2 units) partly covered by a 1-unit RG reservation gets the rest from Shared.
        MatchResult result = match(List.of(usage(1).size("Standard_DS2_v2").build()),
                List.of(reservation("shared", "Standard_DS1_v2").build(),
                        reservation("rg", "Standard_DS1_v2").resourceGroup(SUB, RG).build()));

        RowResult vm = row(result, 1);
        assertThat(vm.allocations()).extracting(Allocation::reservationId).containsExactly("rg", "shared");
        assertThat(vm.coveredHours()).isEqualByComparingTo("1");
    }

    @Test
    void unusedCapacityIsLostAndNotCarriedToTheNextHour() {
        MatchResult result = match(List.of(usage(1).hour(1).hours("2").vm("scale-set").build()),
                List.of(reservation("r1", "Standard_DS1_v2").build()));

        assertThat(result.reservationHours().get(0).usedUnits()).isEqualByComparingTo("0");
        assertThat(result.reservationHours().get(1).usedUnits()).isEqualByComparingTo("1");
        assertThat(row(result, 1).uncoveredHours()).isEqualByComparingTo("1");
        assertThat(unitsFrom(row(result, 1), "r1")).isEqualByComparingTo("1");
    }
}
