package dev.ribilling.pricing;

import dev.ribilling.billing.Money;
import java.time.LocalDate;

/** A Consumption price-sheet row: the Linux compute price per hour of a size in a region, from a date on. */
public record ComputePrice(Money unitPrice, LocalDate effectiveStartDate) {
}
