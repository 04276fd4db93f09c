package dev.ribilling.matching;

import java.util.Locale;
import java.util.Set;

/**
 * The contract's eligibility rule for usage rows (section 3, "Eligible usage"), as a pure function of
 * the row's MeterCategory, ConsumedService, PricingModel and MeterName. Comparisons ignore case and
 * surrounding white space because Microsoft's files are not consistent in either (domain.md Q14).
 */
public final class UsageEligibility {

    private static final String VIRTUAL_MACHINES = "virtual machines";
    private static final String COMPUTE = "microsoft.compute";
    private static final Set<String> FLEXIBLE_ONLY_SERVICES = Set.of(
            "microsoft.classiccompute", "microsoft.batch", "microsoft.machinelearningservices", "microsoft.kusto");

    private UsageEligibility() {
    }

    public static Eligibility classify(String meterCategory, String consumedService, String pricingModel,
            String meterName) {
        if (!VIRTUAL_MACHINES.equals(normal(meterCategory)) || isSpotOrLowPriority(pricingModel, meterName)) {
            return Eligibility.NOT_ELIGIBLE;
        }
        String service = normal(consumedService);
        if (COMPUTE.equals(service)) {
            return Eligibility.ANY_RESERVATION;
        }
        return FLEXIBLE_ONLY_SERVICES.contains(service) ? Eligibility.FLEXIBLE_RESERVATIONS_ONLY
                : Eligibility.NOT_ELIGIBLE;
    }

    /** PricingModel Spot, or a MeterName containing "Spot" or "Low Priority" (any case). */
    public static boolean isSpotOrLowPriority(String pricingModel, String meterName) {
        if ("spot".equals(normal(pricingModel))) {
            return true;
        }
        String meter = normal(meterName);
        return meter != null && (meter.contains("spot") || meter.contains("low priority"));
    }

    private static String normal(String text) {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }
}
