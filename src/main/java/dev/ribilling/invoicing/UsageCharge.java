package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * One usage row after matching, rated at PAYG before reservations (contract sections 2 to 4).
 *
 * @param subscriptionId the Azure subscription (EntitlementId when the file had one)
 * @param vmSize AdditionalInfo.ServiceType; used as the line's SkuName for Virtual Machines rows
 * @param pricingModel PricingModel as loaded (On Demand, Spot, ...); may be null
 * @param quantity hours (or meter units) of the row
 * @param coveredHours hours covered by reservations (0 for rows no reservation can cover)
 * @param unitPrice PAYG unit price in {@code pricingCurrency}
 * @param computePrice the Linux compute price per hour of the VM size and region on the usage date, in
 *        any currency; null when the price sheet has none (only matters when coveredHours &gt; 0)
 */
public record UsageCharge(String customerId, String subscriptionId, String meterCategory, String vmSize,
        String region, String pricingModel, LocalDate usageDate, BigDecimal quantity, BigDecimal coveredHours,
        BigDecimal unitPrice, Currency pricingCurrency, Money computePrice) {

    public static final String VIRTUAL_MACHINES = "Virtual Machines";
    public static final String LICENCE_METER_CATEGORY = "Virtual Machines Licenses";

    public UsageCharge {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(meterCategory, "meterCategory");
        Objects.requireNonNull(usageDate, "usageDate");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(pricingCurrency, "pricingCurrency");
        coveredHours = coveredHours == null ? BigDecimal.ZERO : coveredHours;
        pricingModel = pricingModel == null ? "" : pricingModel;
        if (coveredHours.signum() < 0 || coveredHours.compareTo(quantity) > 0) {
            throw new IllegalArgumentException("coveredHours " + coveredHours + " outside 0.." + quantity);
        }
    }

    /** Quantity − covered hours: what is billed as PaygUsage. */
    public BigDecimal uncoveredQuantity() {
        return quantity.subtract(coveredHours, Money.MATH);
    }

    /** Licence-only meters are "other services": never covered, never SoftwareUsage. */
    public boolean isLicenceMeter() {
        return LICENCE_METER_CATEGORY.equalsIgnoreCase(meterCategory.trim());
    }

    public boolean isVirtualMachine() {
        return VIRTUAL_MACHINES.equalsIgnoreCase(meterCategory.trim());
    }

    /** The line's SkuName: the VM size for Virtual Machines rows, the MeterCategory for other services. */
    public String skuOrMeterCategory() {
        return isVirtualMachine() && vmSize != null && !vmSize.isBlank() ? vmSize.trim() : meterCategory.trim();
    }

    /** Unit shown on the line: VM rows are hours; other services' quantities are meter units. */
    public String unit() {
        return isVirtualMachine() || isLicenceMeter() ? "Hours" : "Units";
    }

    String describe() {
        return String.format(Locale.ROOT, "%s %s %s %s", subscriptionId, skuOrMeterCategory(), region, usageDate);
    }
}
