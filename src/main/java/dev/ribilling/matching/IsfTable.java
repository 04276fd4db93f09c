package dev.ribilling.matching;

import dev.ribilling.billing.Identifiers;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instance size flexibility ratios by SKU, compared case-insensitively. A SKU missing from the table has
 * ratio 1 and no group, so it matches only itself (contract section 3, "Units").
 *
 * <p>Group names are compared case-insensitively and trimmed, because Microsoft's table spells groups
 * inconsistently ({@code DSv3 Series} vs {@code Dsv4 Series}). The contract's natural key of an isf row is
 * ArmSkuName and a later row replaces an earlier one, so when a SKU appears more than once the last entry
 * wins. In the published table that only happens for storage reserved capacity SKUs, which repeat once per
 * region-specific group and never describe VM sizes.
 */
public final class IsfTable {

    private static final IsfTable EMPTY = new IsfTable(Map.of());

    private final Map<String, Sizing> bySku;

    /** Group (normal form, null when unknown) and ratio of one SKU. */
    public record Sizing(String group, BigDecimal ratio) {
    }

    private static final Sizing UNKNOWN = new Sizing(null, BigDecimal.ONE);

    private IsfTable(Map<String, Sizing> bySku) {
        this.bySku = bySku;
    }

    public static IsfTable empty() {
        return EMPTY;
    }

    public static IsfTable of(Collection<IsfEntry> entries) {
        Map<String, Sizing> bySku = new HashMap<>();
        for (IsfEntry entry : entries) {
            bySku.put(Identifiers.key(entry.skuName()), new Sizing(Identifiers.key(entry.group()), entry.ratio()));
        }
        return new IsfTable(Map.copyOf(bySku));
    }

    public static IsfTable of(IsfEntry... entries) {
        return of(List.of(entries));
    }

    /** Group and ratio of a SKU (any case); unknown or null SKUs get no group and ratio 1. */
    public Sizing sizing(String skuName) {
        if (skuName == null) {
            return UNKNOWN;
        }
        Sizing sizing = bySku.get(Identifiers.key(skuName));
        return sizing == null ? UNKNOWN : sizing;
    }

    /** As {@link #sizing}, for a SKU already in normal form ({@link Identifiers#key}); saves the per-row lower-casing. */
    Sizing sizingOfKey(String skuKey) {
        Sizing sizing = skuKey == null ? null : bySku.get(skuKey);
        return sizing == null ? UNKNOWN : sizing;
    }

    public BigDecimal ratio(String skuName) {
        return sizing(skuName).ratio();
    }

    /** The ISF group in normal form, or null when the SKU is not in the table. */
    public String group(String skuName) {
        return sizing(skuName).group();
    }

    public boolean contains(String skuName) {
        return skuName != null && bySku.containsKey(Identifiers.key(skuName));
    }

    public int size() {
        return bySku.size();
    }
}
