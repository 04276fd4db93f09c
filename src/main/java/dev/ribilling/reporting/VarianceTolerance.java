package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far Microsoft's Subtotal may be from our expected amount before the row is highlighted: the larger of an
 * absolute amount and an amount per unit of the row's Quantity. The per-unit part follows domain.md Q16: with the
 * seat-based formula ROUNDDOWN(unit price × fx, 2) × quantity, each unit can lose up to one cent.
 *
 * @param absolute in the row's billing currency
 * @param perQuantityUnit in the row's billing currency, times |Quantity|
 */
public record VarianceTolerance(BigDecimal absolute, BigDecimal perQuantityUnit) {

    public VarianceTolerance {
        Objects.requireNonNull(absolute, "absolute");
        Objects.requireNonNull(perQuantityUnit, "perQuantityUnit");
        if (absolute.signum() < 0 || perQuantityUnit.signum() < 0) {
            throw new IllegalArgumentException("a tolerance cannot be negative");
        }
    }

    /** One cent, or one cent per unit of quantity (domain.md Q16). */
    public static VarianceTolerance defaults() {
        return new VarianceTolerance(new BigDecimal("0.01"), new BigDecimal("0.01"));
    }

    public BigDecimal allowedFor(BigDecimal quantity) {
        BigDecimal perQuantity = quantity == null ? BigDecimal.ZERO : perQuantityUnit.multiply(quantity.abs());
        return absolute.max(perQuantity);
    }
}
