package dev.ribilling.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageEligibilityTests {

    @Test
    void computeVmUsageIsEligibleForAnyReservation() {
        assertThat(UsageEligibility.classify("Virtual Machines", "Microsoft.Compute", "OnDemand", "D2 v3"))
                .isEqualTo(Eligibility.ANY_RESERVATION);
        assertThat(UsageEligibility.classify(" virtual machines ", "MICROSOFT.COMPUTE", null, null))
                .isEqualTo(Eligibility.ANY_RESERVATION);
    }

    @Test
    void otherComputeServicesNeedInstanceSizeFlexibility() {
        for (String service : new String[] {"Microsoft.ClassicCompute", "Microsoft.Batch",
            "Microsoft.MachineLearningServices", "Microsoft.Kusto"}) {
            assertThat(UsageEligibility.classify("Virtual Machines", service, "On Demand", "D2 v3"))
                    .isEqualTo(Eligibility.FLEXIBLE_RESERVATIONS_ONLY);
        }
        assertThat(Eligibility.FLEXIBLE_RESERVATIONS_ONLY.allows(true)).isTrue();
        assertThat(Eligibility.FLEXIBLE_RESERVATIONS_ONLY.allows(false)).isFalse();
    }

    @Test
    void spotLowPriorityAndOtherMetersAreNotEligible() {
        assertThat(UsageEligibility.classify("Virtual Machines", "Microsoft.Compute", "Spot", "D2 v3"))
                .isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(UsageEligibility.classify("Virtual Machines", "Microsoft.Compute", "OnDemand", "D2 v3 Spot"))
                .isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(UsageEligibility.classify("Virtual Machines", "Microsoft.Batch", null, "D2 v3 Low Priority"))
                .isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(UsageEligibility.classify("Virtual Machines Licenses", "Microsoft.Compute", null, "Windows"))
                .isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(UsageEligibility.classify("Storage", "Microsoft.Compute", null, "P10"))
                .isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(UsageEligibility.classify("Virtual Machines", "Microsoft.Web", null, null))
                .isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(UsageEligibility.classify(null, null, null, null)).isEqualTo(Eligibility.NOT_ELIGIBLE);
    }
}
