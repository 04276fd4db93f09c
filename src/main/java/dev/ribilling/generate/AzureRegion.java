package dev.ribilling.generate;

import java.math.BigDecimal;

/**
 * The regions the synthetic fleet runs in. Price factors are relative to East US and only roughly follow the
 * retail price list; what matters is that regions differ, so a reservation's region visibly matters.
 */
enum AzureRegion {
    EASTUS("eastus", "EastUS", "1.00"),
    WESTUS2("westus2", "WestUS2", "1.00"),
    UKSOUTH("uksouth", "UKSouth", "1.15"),
    WESTEUROPE("westeurope", "WestEurope", "1.20"),
    NORTHEUROPE("northeurope", "NorthEurope", "1.10"),
    JAPANEAST("japaneast", "JapanEast", "1.30");

    private final String armName;
    private final String camelCaseName;
    private final BigDecimal priceFactor;

    AzureRegion(String armName, String camelCaseName, String priceFactor) {
        this.armName = armName;
        this.camelCaseName = camelCaseName;
        this.priceFactor = new BigDecimal(priceFactor);
    }

    /** The ARM name used in price sheets and reservations ({@code westeurope}). */
    String armName() {
        return armName;
    }

    /**
     * The spelling some usage exports use ({@code WestEurope}); it must compare equal to {@link #armName()}, which
     * is why the generator writes it for some customers.
     */
    String camelCaseName() {
        return camelCaseName;
    }

    BigDecimal priceFactor() {
        return priceFactor;
    }
}
