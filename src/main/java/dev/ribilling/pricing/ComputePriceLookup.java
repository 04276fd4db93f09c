package dev.ribilling.pricing;

import java.time.LocalDate;
import java.util.List;

/** Read access to the price sheet's Consumption rows; the batch side implements it over the database. */
public interface ComputePriceLookup {

    /**
     * For each currency the sheet has for this size and region, the Consumption row with the latest
     * EffectiveStartDate on or before {@code date} (Spot, Low Priority, DevTest and Windows rows excluded at
     * import). Sizes and regions are given in normal form ({@code Identifiers.key}, {@code Identifiers.region}).
     */
    List<ComputePrice> latestOnOrBefore(String vmSize, String region, LocalDate date);
}
