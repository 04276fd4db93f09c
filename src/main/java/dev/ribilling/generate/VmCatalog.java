package dev.ribilling.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VM sizes the synthetic fleet may use, grouped by ISF group, with the prices the generated price sheet and
 * usage rows both come from (so the usage UnitPrice of a Linux VM is exactly the sheet's Consumption price).
 * Ratios and group names are read from the real ISF table rather than typed in here.
 */
final class VmCatalog {

    /** Windows Server licence per core and hour, added to the Linux price in usage rows of Windows VMs. */
    static final BigDecimal WINDOWS_LICENCE_USD_PER_CORE_HOUR = new BigDecimal("0.046");
    private static final BigDecimal SPOT_SHARE = new BigDecimal("0.12");
    private static final BigDecimal LOW_PRIORITY_SHARE = new BigDecimal("0.20");
    private static final BigDecimal HOURS_PER_YEAR = BigDecimal.valueOf(8760);

    private final Map<String, List<VmSize>> sizesByGroup;

    private VmCatalog(Map<String, List<VmSize>> sizesByGroup) {
        this.sizesByGroup = sizesByGroup;
    }

    static VmCatalog standard(IsfTable isf) {
        Map<String, List<VmSize>> groups = new LinkedHashMap<>();
        // Sizes listed smallest first; the fleet builder favours the front of each list, as real fleets do.
        add(groups, isf, "Dsv5 Series", 2, "0.096", 4, "0.192", 8, "0.384", 16, "0.768");
        add(groups, isf, "DSv3 Series", 2, "0.096", 4, "0.192", 8, "0.384", 16, "0.768");
        add(groups, isf, "Dasv5 Series", 2, "0.086", 4, "0.172", 8, "0.344");
        add(groups, isf, "Esv5 Series", 2, "0.126", 4, "0.252", 8, "0.504");
        add(groups, isf, "ESv3 Series", 8, "0.504", 16, "1.008", 64, "4.032");
        add(groups, isf, "FSv2 Series", 2, "0.0846", 4, "0.169", 8, "0.338");
        add(groups, isf, "BS Series", 1, "0.0207", 2, "0.0832", 8, "0.333");
        return new VmCatalog(groups);
    }

    /** {@code vcpusAndPrices} alternates core count and East US Linux price per hour. */
    private static void add(Map<String, List<VmSize>> groups, IsfTable isf, String series, Object... vcpusAndPrices) {
        List<VmSize> sizes = new ArrayList<>();
        for (int i = 0; i < vcpusAndPrices.length; i += 2) {
            int vcpus = (Integer) vcpusAndPrices[i];
            String sku = skuName(series, vcpus);
            IsfTable.Entry entry = isf.require(sku);
            sizes.add(new VmSize(entry.armSkuName(), entry.group(), entry.ratio(), vcpus,
                    new BigDecimal((String) vcpusAndPrices[i + 1]), series));
        }
        groups.put(series, List.copyOf(sizes));
    }

    /** Builds the ARM name from the series and the core count: ("Dsv5 Series", 4) gives Standard_D4s_v5. */
    private static String skuName(String series, int vcpus) {
        return switch (series) {
            case "Dsv5 Series" -> "Standard_D" + vcpus + "s_v5";
            case "DSv3 Series" -> "Standard_D" + vcpus + "s_v3";
            case "Dasv5 Series" -> "Standard_D" + vcpus + "as_v5";
            case "Esv5 Series" -> "Standard_E" + vcpus + "s_v5";
            case "ESv3 Series" -> "Standard_E" + vcpus + "s_v3";
            case "FSv2 Series" -> "Standard_F" + vcpus + "s_v2";
            case "BS Series" -> "Standard_B" + vcpus + "ms";
            default -> throw new IllegalArgumentException(series);
        };
    }

    List<String> seriesNames() {
        return List.copyOf(sizesByGroup.keySet());
    }

    List<VmSize> sizes(String series) {
        return sizesByGroup.get(series);
    }

    static BigDecimal linuxPerHour(VmSize size, AzureRegion region) {
        return size.linuxUsdPerHour().multiply(region.priceFactor()).setScale(4, RoundingMode.HALF_UP);
    }

    static BigDecimal windowsPerHour(VmSize size, AzureRegion region) {
        return linuxPerHour(size, region)
                .add(WINDOWS_LICENCE_USD_PER_CORE_HOUR.multiply(BigDecimal.valueOf(size.vcpus())));
    }

    static BigDecimal spotPerHour(VmSize size, AzureRegion region) {
        return linuxPerHour(size, region).multiply(SPOT_SHARE).setScale(4, RoundingMode.HALF_UP);
    }

    static BigDecimal lowPriorityPerHour(VmSize size, AzureRegion region) {
        return linuxPerHour(size, region).multiply(LOW_PRIORITY_SHARE).setScale(4, RoundingMode.HALF_UP);
    }

    /** One instance for the whole term, whole dollars as the retail sheet shows them. */
    static BigDecimal reservationPerInstance(VmSize size, AzureRegion region, ReservationTerm term) {
        return linuxPerHour(size, region)
                .multiply(HOURS_PER_YEAR)
                .multiply(BigDecimal.valueOf(term.years()))
                .multiply(term.shareOfPayg())
                .setScale(0, RoundingMode.HALF_UP);
    }
}
