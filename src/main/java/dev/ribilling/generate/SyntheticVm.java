package dev.ribilling.generate;

/**
 * A generated VM, or a scale set when {@code instances} is above one (its usage is the sum over instances, so its
 * hourly quantity may exceed 1, which the contract allows for anything that is not a single VM).
 *
 * @param activeFromMinute  first minute it exists, in minutes since the epoch (Long.MIN_VALUE: always existed)
 * @param activeUntilMinute first minute it no longer exists (Long.MAX_VALUE: never deleted)
 * @param earlyStartMinutes business-hours VMs start this many minutes before 08:00
 * @param lateStopMinutes   business-hours VMs stop this many minutes after 18:00
 * @param randomKey         seeds the per-day randomness of bursty VMs, independently of iteration order
 */
record SyntheticVm(
        SyntheticCustomer customer,
        String subscriptionId,
        String resourceGroup,
        String name,
        VmSize size,
        AzureRegion region,
        RunPattern pattern,
        boolean windows,
        boolean spot,
        int instances,
        long activeFromMinute,
        long activeUntilMinute,
        int earlyStartMinutes,
        int lateStopMinutes,
        long randomKey) {

    boolean isScaleSet() {
        return instances > 1;
    }

    String resourceUri() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Compute/"
                + (isScaleSet() ? "virtualMachineScaleSets/" : "virtualMachines/") + name;
    }

    /** Load a reservation could cover for the whole period: on-demand and running around the clock. */
    boolean isSteadyLoad() {
        return pattern == RunPattern.ALWAYS_ON && !spot;
    }
}
