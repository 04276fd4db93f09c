package dev.ribilling.matching;

import static dev.ribilling.matching.MatchingFixtures.RG;
import static dev.ribilling.matching.MatchingFixtures.SUB;
import static dev.ribilling.matching.MatchingFixtures.match;
import static dev.ribilling.matching.MatchingFixtures.reservation;
import static dev.ribilling.matching.MatchingFixtures.row;
import static dev.ribilling.matching.MatchingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 3 "Match" and "Eligible usage". */
class MatchRulesTests {

    @Test
    void flexibilityOffCoversTheExactSkuOnly() {
        MatchResult result = match(
                List.of(usage(1).size("Standard_DS2_v2").build(), usage(2).size("Standard_DS1_v2").build()),
                List.of(reservation("r1", "Standard_DS2_v2").flexibilityOff().build()));

        assertThat(row(result, 1).coveredHours()).isEqualByComparingTo("1");
        assertThat(row(result, 2).coveredHours()).isEqualByComparingTo("0");
    }

    @Test
    void otherRegionsAreNotCovered() {
        MatchResult result = match(List.of(usage(1).region("North Europe").build(), usage(2).region("West Europe").build()),
                List.of(reservation("r1", "Standard_DS1_v2").region("WestEurope").build()));

        assertThat(row(result, 1).coveredHours()).isEqualByComparingTo("0");
        assertThat(row(result, 2).coveredHours()).isEqualByComparingTo("1");
    }

    @Test
    void otherIsfGroupsAreNotCovered() {
        MatchResult result = match(List.of(usage(1).size("Standard_D2s_v3").build()),
                List.of(reservation("r1", "Standard_DS2_v2").build()));

        assertThat(row(result, 1).coveredHours()).isEqualByComparingTo("0");
    }

    @Test
    void scopeLimitsCoverageToItsSubscriptionOrResourceGroup() {
        List<UsageRow> rows = List.of(
                usage(1).in(SUB, RG).build(), usage(2).in(SUB, "rg-other").build(),
                usage(3).in("sub-other", RG).build());

        MatchResult rgScoped = match(rows, List.of(reservation("r", "Standard_DS1_v2").quantity("3")
                .resourceGroup("SUB-A", "Rg-A").build()));
        assertThat(rgScoped.rows()).extracting(r -> r.coveredHours().intValueExact()).containsExactly(1, 0, 0);

        MatchResult single = match(rows, List.of(reservation("r", "Standard_DS1_v2").quantity("3").single(SUB).build()));
        assertThat(single.rows()).extracting(r -> r.coveredHours().intValueExact()).containsExactly(1, 1, 0);

        MatchResult shared = match(rows, List.of(reservation("r", "Standard_DS1_v2").quantity("3").build()));
        assertThat(shared.rows()).extracting(r -> r.coveredHours().intValueExact()).containsExactly(1, 1, 1);
    }

    @Test
    void spotAndNonVmRowsAreNeverCovered() {
        Eligibility spot = UsageEligibility.classify("Virtual Machines", "Microsoft.Compute", "Spot", "D2 v3");
        Eligibility storage = UsageEligibility.classify("Storage", "Microsoft.Storage", "OnDemand", "P10 Disks");
        MatchResult result = match(
                List.of(usage(1).eligibility(spot).build(), usage(2).eligibility(storage).size(null).build(),
                        usage(3).build()),
                List.of(reservation("r1", "Standard_DS1_v2").quantity("3").build()));

        assertThat(row(result, 1).outcome()).isEqualTo(RowOutcome.NOT_ELIGIBLE);
        assertThat(row(result, 1).uncoveredHours()).isEqualByComparingTo("1");
        assertThat(row(result, 2).outcome()).isEqualTo(RowOutcome.NOT_ELIGIBLE);
        assertThat(row(result, 2).coveredHours()).isEqualByComparingTo("0");
        assertThat(row(result, 3).coveredHours()).isEqualByComparingTo("1");
    }

    @Test
    void classicComputeIsCoveredOnlyByFlexibleReservations() {
        Eligibility classic = UsageEligibility.classify("Virtual Machines", "Microsoft.ClassicCompute", null, null);

        MatchResult inflexible = match(List.of(usage(1).eligibility(classic).build()),
                List.of(reservation("r1", "Standard_DS1_v2").flexibilityOff().build()));
        assertThat(row(inflexible, 1).coveredHours()).isEqualByComparingTo("0");

        MatchResult flexible = match(List.of(usage(1).eligibility(classic).build()),
                List.of(reservation("r1", "Standard_DS1_v2").build()));
        assertThat(row(flexible, 1).coveredHours()).isEqualByComparingTo("1");
    }

    @Test
    void rejectsAmbiguousInput() {
        assertThatThrownBy(() -> match(List.of(usage(1).build(), usage(1).hour(2).build()), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate usage row id 1");
        assertThatThrownBy(() -> match(List.of(),
                List.of(reservation("r", "Standard_DS1_v2").build(), reservation("r", "Standard_DS1_v2").build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate reservation id");
    }
}
