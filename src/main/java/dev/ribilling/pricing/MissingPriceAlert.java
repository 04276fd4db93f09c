package dev.ribilling.pricing;

import java.time.LocalDate;

/**
 * A covered VM size without a compute price on a date: the reservation's PaygEquivalent and Savings stay
 * empty for that day and its month (contract section 3, "Missing price").
 */
public record MissingPriceAlert(String reservationId, String skuName, String region, LocalDate date) {

    public String message() {
        return "no compute price for " + skuName + " in " + region + " on " + date + " (reservation "
                + reservationId + "): PaygEquivalent and Savings left empty";
    }
}
