package dev.ribilling.pricing;

import java.math.BigDecimal;

/** VM hours of one size and region that a reservation covered on a day; priced at that size's compute price. */
public record CoveredHours(String vmSize, String region, BigDecimal hours) {
}
