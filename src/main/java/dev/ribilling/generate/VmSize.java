package dev.ribilling.generate;

import java.math.BigDecimal;

/**
 * A VM size the fleet uses.
 *
 * @param armSkuName        e.g. {@code Standard_D4s_v5}
 * @param isfGroup          its instance size flexibility group, from the ISF table
 * @param ratio             its ISF ratio, from the ISF table (not always integral: E64s_v3 is 57.6, B1ms 0.5)
 * @param vcpus             cores, which drive the Windows licence price
 * @param linuxUsdPerHour   East US Linux pay-as-you-go compute price
 * @param productSeries     the series as the price sheet's ProductName spells it ({@code Dsv5 Series})
 */
record VmSize(String armSkuName, String isfGroup, BigDecimal ratio, int vcpus, BigDecimal linuxUsdPerHour,
        String productSeries) {

    /** The price sheet's MeterName: {@code Standard_D4s_v5} becomes {@code D4s v5}. */
    String meterName() {
        return armSkuName.substring("Standard_".length()).replace('_', ' ');
    }

    String productName() {
        return "Virtual Machines " + productSeries;
    }
}
