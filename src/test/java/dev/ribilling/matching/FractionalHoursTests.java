package dev.ribilling.matching;

import static dev.ribilling.matching.MatchingFixtures.match;
import static dev.ribilling.matching.MatchingFixtures.reservation;
import static dev.ribilling.matching.MatchingFixtures.row;
import static dev.ribilling.matching.MatchingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** domain.md 1.4: one reservation (quantity 1), two matching VMs with fractional hours in four hours. */
class FractionalHoursTests {

    // hour, VM1 hours, VM2 hours, demand, covered, PAYG hours
    private static final String[][] TABLE = {
        {"1", "0.75", "0.50", "1.25", "1.00", "0.25"},
        {"2", "1.00", "1.00", "2.00", "1.00", "1.00"},
        {"3", "1.00", "1.00", "2.00", "1.00", "1.00"},
        {"4", "0.50", "1.00", "1.50", "1.00", "0.50"},
    };

    @Test
    void reservationFillsFromConcurrentVmsAndTheRestIsPayg() {
        List<UsageRow> rows = new ArrayList<>();
        for (String[] line : TABLE) {
            int hour = Integer.parseInt(line[0]);
            rows.add(usage(hour * 10 + 1).vm("vm1").hour(hour).hours(line[1]).build());
            rows.add(usage(hour * 10 + 2).vm("vm2").hour(hour).hours(line[2]).build());
        }
        MatchResult result = match(rows, List.of(reservation("r1", "Standard_DS1_v2").build()));

        for (String[] line : TABLE) {
            int hour = Integer.parseInt(line[0]);
            RowResult vm1 = row(result, hour * 10 + 1);
            RowResult vm2 = row(result, hour * 10 + 2);
            assertThat(vm1.demandUnits().add(vm2.demandUnits())).isEqualByComparingTo(line[3]);
            assertThat(vm1.coveredUnits().add(vm2.coveredUnits())).isEqualByComparingTo(line[4]);
            assertThat(vm1.uncoveredHours().add(vm2.uncoveredHours())).isEqualByComparingTo(line[5]);
            ReservationHourResult reservationHour = result.reservationHours().get(hour);
            assertThat(reservationHour.capacityUnits()).isEqualByComparingTo("1");
            assertThat(reservationHour.usedUnits()).isEqualByComparingTo(line[4]);
        }
    }

    @Test
    void competingVmsShareInProportionToTheirDemand() {
        // Hour 1 of the table: 0.75 + 0.50 against 1 unit -> 0.6 and 0.4 (domain.md Q9, pro rata).
        MatchResult result = match(
                List.of(usage(1).vm("vm1").hour(1).hours("0.75").build(),
                        usage(2).vm("vm2").hour(1).hours("0.50").build()),
                List.of(reservation("r1", "Standard_DS1_v2").build()));

        assertThat(row(result, 1).coveredHours()).isEqualByComparingTo("0.6");
        assertThat(row(result, 1).uncoveredHours()).isEqualByComparingTo("0.15");
        assertThat(row(result, 2).coveredHours()).isEqualByComparingTo("0.4");
        assertThat(row(result, 2).uncoveredHours()).isEqualByComparingTo("0.1");
    }

    @Test
    void sharesThatDoNotDivideEvenlyStillUseTheWholeCapacityExactly() {
        // Three equal VMs on one unit: thirds cannot be written exactly, the total must still be exactly 1.
        MatchResult result = match(
                List.of(usage(1).hour(5).build(), usage(2).hour(5).build(), usage(3).hour(5).build()),
                List.of(reservation("r1", "Standard_DS1_v2").build()));

        BigDecimal covered = result.rows().stream().map(RowResult::coveredUnits)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(covered).isEqualByComparingTo("1");
        assertThat(result.reservationHours().get(5).usedUnits()).isEqualByComparingTo("1");
        assertThat(row(result, 1).coveredUnits().setScale(6, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("0.333333");
    }
}
