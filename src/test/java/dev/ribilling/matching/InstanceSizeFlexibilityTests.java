package dev.ribilling.matching;

import static dev.ribilling.matching.MatchingFixtures.day;
import static dev.ribilling.matching.MatchingFixtures.match;
import static dev.ribilling.matching.MatchingFixtures.reservation;
import static dev.ribilling.matching.MatchingFixtures.row;
import static dev.ribilling.matching.MatchingFixtures.unitsFrom;
import static dev.ribilling.matching.MatchingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ISF scenarios of domain.md 1.3 (DSv2 group: DS1 1, DS2 2, DS3 4, DS4 8, DS5 16). */
class InstanceSizeFlexibilityTests {

    @Test
    void oneDs4ReservationCoversEightDs1Vms() {
        List<UsageRow> rows = new ArrayList<>();
        for (long id = 1; id <= 8; id++) {
            rows.add(usage(id).size("Standard_DS1_v2").build());
        }
        MatchResult result = match(rows, List.of(reservation("r1", "Standard_DS4_v2").build()));

        assertThat(result.rows()).allSatisfy(r -> assertThat(r.uncoveredHours()).isEqualByComparingTo("0"));
        assertThat(result.reservationHours().get(0).usedUnits()).isEqualByComparingTo("8");
    }

    @Test
    void oneDs4ReservationCoversTwoDs2AndOneDs3() {
        MatchResult result = match(
                List.of(usage(1).size("Standard_DS2_v2").build(), usage(2).size("Standard_DS2_v2").build(),
                        usage(3).size("Standard_DS3_v2").build()),
                List.of(reservation("r1", "Standard_DS4_v2").build()));

        assertThat(result.rows()).allSatisfy(r -> {
            assertThat(r.coveredHours()).isEqualByComparingTo("1");
            assertThat(r.uncoveredHours()).isEqualByComparingTo("0");
        });
        assertThat(row(result, 3).coveredUnits()).isEqualByComparingTo("4");
    }

    @Test
    void oneDs4ReservationCoversHalfOfADs5() {
        MatchResult result = match(List.of(usage(1).size("Standard_DS5_v2").build()),
                List.of(reservation("r1", "Standard_DS4_v2").build()));

        RowResult ds5 = row(result, 1);
        assertThat(ds5.demandUnits()).isEqualByComparingTo("16");
        assertThat(ds5.coveredUnits()).isEqualByComparingTo("8");
        assertThat(ds5.coveredHours()).isEqualByComparingTo("0.5");
        assertThat(ds5.uncoveredHours()).isEqualByComparingTo("0.5");
    }

    @Test
    void twoDs4ReservationsCombineOnOneDs5() {
        MatchResult result = match(List.of(usage(1).size("Standard_DS5_v2").build()),
                List.of(reservation("r2", "Standard_DS4_v2").build(), reservation("r1", "Standard_DS4_v2").build()));

        RowResult ds5 = row(result, 1);
        assertThat(ds5.coveredHours()).isEqualByComparingTo("1");
        assertThat(ds5.allocations()).extracting(Allocation::reservationId).containsExactly("r1", "r2");
        assertThat(unitsFrom(ds5, "r1")).isEqualByComparingTo("8");
        assertThat(unitsFrom(ds5, "r2")).isEqualByComparingTo("8");
        assertThat(ds5.allocations()).allSatisfy(a -> assertThat(a.hours()).isEqualByComparingTo("0.5"));
    }

    @Test
    void aD4sV3ReservationCoversHalfOfAD8sV3() {
        MatchResult result = match(List.of(usage(1).size("Standard_D8s_v3").build()),
                List.of(reservation("r1", "Standard_D4s_v3").build()));

        assertThat(row(result, 1).coveredHours()).isEqualByComparingTo("0.5");
    }

    @Test
    void fractionalRatiosCoverTwoThirdsOfALargerVm() {
        // Reservation ratio 4 against a VM of ratio 6: 4/6 of its hour is covered.
        MatchResult result = match(List.of(usage(1).size("Standard_F_six").build()),
                List.of(reservation("r1", "Standard_F_four").build()));

        RowResult vm = row(result, 1);
        assertThat(vm.coveredUnits()).isEqualByComparingTo("4");
        assertThat(vm.coveredHours().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("0.6667");
        assertThat(vm.uncoveredHours().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("0.3333");
        assertThat(vm.coveredHours().add(vm.uncoveredHours())).isEqualByComparingTo("1");
    }

    @Test
    void aRatioFourReservationCoversEightVmsOfRatioOneHalf() {
        List<UsageRow> rows = new ArrayList<>();
        for (long id = 1; id <= 9; id++) {
            rows.add(usage(id).size("Standard_F_half").build());
        }
        MatchResult result = match(rows, List.of(reservation("r1", "Standard_F_four").build()));

        // Nine VMs want 4.5 units; 4 are available, shared equally: 8/9 of an hour each.
        assertThat(day(result, "r1").usedUnits()).isEqualByComparingTo("4");
        assertThat(row(result, 1).coveredHours().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("0.888889");
    }

    @Test
    void sizesMissingFromTheTableHaveRatioOneAndMatchOnlyThemselves() {
        MatchResult result = match(
                List.of(usage(1).size("Standard_X9_unknown").hours("1").build(),
                        usage(2).size("Standard_X8_unknown").hours("1").build(),
                        usage(3).size("Standard_DS1_v2").build()),
                List.of(reservation("r1", "standard_x9_UNKNOWN").quantity("2").build()));

        assertThat(row(result, 1).ratio()).isEqualByComparingTo("1");
        assertThat(row(result, 1).coveredHours()).isEqualByComparingTo("1");
        assertThat(row(result, 2).coveredHours()).isEqualByComparingTo("0");
        assertThat(row(result, 3).coveredHours()).isEqualByComparingTo("0");
        assertThat(day(result, "r1").capacityUnits()).isEqualByComparingTo("48");
    }
}
