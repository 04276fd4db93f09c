package dev.ribilling.matching;

import static dev.ribilling.matching.MatchingFixtures.at;
import static dev.ribilling.matching.MatchingFixtures.match;
import static dev.ribilling.matching.MatchingFixtures.reservation;
import static dev.ribilling.matching.MatchingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-hour view an {@code explain} command prints: which reservation covered how many units of which VM. */
class ExplainViewTests {

    @Test
    void listsEveryAllocationBySlotThenReservationOrderThenUsageId() {
        MatchResult result = match(
                List.of(usage(7).vm("big").size("Standard_DS5_v2").hour(9).build(),
                        usage(3).vm("small").size("Standard_DS1_v2").hour(9).build(),
                        usage(5).vm("daily").size("Standard_DS2_v2").daily().hours("3").build(),
                        usage(1).vm("small").size("Standard_DS1_v2").hour(8).build()),
                List.of(reservation("shared", "Standard_DS4_v2").build(),
                        reservation("single", "Standard_DS2_v2").single(MatchingFixtures.SUB).build()));

        List<CoverageDetail> details = result.coverageDetails();

        assertThat(details).extracting(CoverageDetail::slot, CoverageDetail::reservationId, CoverageDetail::usageId)
                .containsExactly(
                        tuple(UsageSlot.hourly(at(8, 0)), "single", 1L),
                        tuple(UsageSlot.hourly(at(9, 0)), "single", 3L),
                        tuple(UsageSlot.hourly(at(9, 0)), "single", 7L),
                        tuple(UsageSlot.hourly(at(9, 0)), "shared", 3L),
                        tuple(UsageSlot.hourly(at(9, 0)), "shared", 7L),
                        tuple(UsageSlot.daily(MatchingFixtures.DAY), "single", 5L));
        // Hour 9: the 2-unit single reservation (applied first) is shared 1:16 by the DS1_v2 and the DS5_v2.
        CoverageDetail smallAtNine = details.get(1);
        assertThat(smallAtNine.vmSize()).isEqualTo("standard_ds1_v2");
        assertThat(smallAtNine.ratio()).isEqualByComparingTo("1");
        assertThat(smallAtNine.units().multiply(new BigDecimal("17")).setScale(20, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("2");
        // Then the 8-unit shared reservation splits between what is left of them: 15/17 and 240/17 units.
        assertThat(details.get(3).units().add(details.get(4).units())).isEqualByComparingTo("8");
        assertThat(details.get(4).units().multiply(new BigDecimal("17")).setScale(20, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("128");
        // The daily row's 6 units fit in what the single reservation left over the day (48 - 3).
        assertThat(details.get(5).units()).isEqualByComparingTo("6");
        assertThat(details.get(5).hours()).isEqualByComparingTo("3");
    }

    @Test
    void coveredHoursPerVmSizeFeedThePaygEquivalent() {
        MatchResult result = match(
                List.of(usage(1).size("Standard_DS2_v2").hour(1).build(), usage(2).size("Standard_DS2_v2").hour(2).build(),
                        usage(3).size("Standard_DS1_v2").hour(2).hours("0.5").build()),
                List.of(reservation("r1", "Standard_DS4_v2").build()));

        assertThat(result.coveredHoursByVmSize("r1")).containsOnlyKeys("standard_ds2_v2", "standard_ds1_v2");
        assertThat(result.coveredHoursByVmSize("r1").get("standard_ds2_v2")).isEqualByComparingTo("2");
        assertThat(result.coveredHoursByVmSize("r1").get("standard_ds1_v2")).isEqualByComparingTo("0.5");
        assertThat(result.coveredHoursByVmSize("unknown")).isEmpty();
    }
}
