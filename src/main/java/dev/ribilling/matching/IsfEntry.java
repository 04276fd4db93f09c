package dev.ribilling.matching;

import java.math.BigDecimal;
import java.util.Objects;

/** One row of Microsoft's instance size flexibility table: {@code InstanceSizeFlexibilityGroup, ArmSkuName, Ratio}. */
public record IsfEntry(String group, String skuName, BigDecimal ratio) {

    public IsfEntry {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(skuName, "skuName");
        Objects.requireNonNull(ratio, "ratio");
        if (ratio.signum() <= 0) {
            throw new IllegalArgumentException("ISF ratio must be positive: " + skuName + " = " + ratio);
        }
    }
}
