package dev.ribilling.ingest;

import dev.ribilling.billing.Identifiers;
import java.math.BigDecimal;

/** A row of Microsoft's instance size flexibility table; SKU names are kept in their normal (lower-case) form. */
public record IsfRow(String group, String armSkuName, BigDecimal ratio) {

    static IsfRow parse(FieldReader f) {
        return new IsfRow(f.required("InstanceSizeFlexibilityGroup"), Identifiers.key(f.required("ArmSkuName")),
                f.positive("Ratio"));
    }

    RowValues values() {
        return new RowValues().put("InstanceSizeFlexibilityGroup", group).put("ArmSkuName", armSkuName).put("Ratio", ratio);
    }
}
