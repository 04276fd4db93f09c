package dev.ribilling.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ribilling.billing.Identifiers;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Parses usage rows of either shape: Partner Center daily rated usage (UsageDate, CustomerId, ...) or an Azure
 * cost-details export (EA or MCA: Date MM/DD/YYYY, ResourceId, ChargeType, no CustomerId, named by
 * {@code import --customer}). Cost-export rows that are not usage (Purchase, Refund, UnusedReservation, ...)
 * are skipped and counted, not rejected.
 */
public final class UsageRowParser {

    /** Required columns of a cost-details export, with accepted alternative spellings. */
    public static final List<List<String>> COST_EXPORT_COLUMNS = List.of(List.of("Date"), List.of("ResourceId"),
            List.of("SubscriptionId"), List.of("MeterCategory"), List.of("ConsumedService"), List.of("ResourceLocation"),
            List.of("Quantity"), List.of("UnitPrice"), List.of("AdditionalInfo"),
            List.of("BillingCurrency", "BillingCurrencyCode"), List.of("ResourceGroup", "ResourceGroupName"));

    private static final JsonFactory JSON = new JsonFactory();

    private final boolean costExport;
    private final String exportCustomerId;
    // The rows of one resource follow each other in a file: what the previous row gave is reused when a field
    // repeats (a parser reads one file on one thread).
    private String lastCustomerId;
    private String lastAdditionalInfo;
    private String lastServiceType;
    private Object[] lastLineParts;
    private final String[] lastRaw = new String[3];
    private final String[] lastKey = new String[3];
    private RowHash lastLineHash;

    public UsageRowParser(Header header, String exportCustomerId) {
        this.costExport = isCostExport(header);
        this.exportCustomerId = exportCustomerId;
    }

    public static boolean isCostExport(Header header) {
        return !header.has("UsageDate") && header.has("Date") && header.has("ResourceId");
    }

    public boolean costExport() {
        return costExport;
    }

    /** Null when the row is usable; else why it is skipped (cost exports: charges that are not usage). */
    public String skipReason(FieldReader f) {
        if (!costExport || !f.has("ChargeType")) {
            return null;
        }
        String chargeType = f.text("ChargeType");
        if (chargeType == null || chargeType.equalsIgnoreCase("Usage")) {
            return null;
        }
        return "ChargeType " + chargeType + " is not usage";
    }

    public UsageRow parse(FieldReader f) {
        String customerId;
        if (costExport) {
            if (exportCustomerId == null) {
                throw new RowRejectedException(RejectReason.NO_CUSTOMER_FOR_EXPORT,
                        "a cost-details export has no CustomerId: import it with --customer ID");
            }
            customerId = exportCustomerId;
        } else {
            String raw = f.required("CustomerId");
            customerId = raw.equals(lastCustomerId) ? lastCustomerId : FieldReader.checkSafeId("CustomerId", raw);
            lastCustomerId = customerId;
        }
        LocalDate usageDate;
        Instant slotStart;
        int slotHours;
        if (costExport) {
            usageDate = f.usDate("Date");
            slotStart = usageDate.atStartOfDay(ZoneOffset.UTC).toInstant();
            slotHours = 24;
        } else {
            String raw = f.required("UsageDate");
            if (raw.length() == 10) {
                usageDate = FieldReader.parseDate("UsageDate", raw);
                slotStart = usageDate.atStartOfDay(ZoneOffset.UTC).toInstant();
                slotHours = 24;
            } else {
                slotStart = f.instant("UsageDate", raw);
                if (slotStart.getEpochSecond() % 3600 != 0 || slotStart.getNano() != 0) {
                    throw new RowRejectedException(RejectReason.MALFORMED_FIELD,
                            "UsageDate '" + raw + "' is a date-time that is not on the hour");
                }
                usageDate = LocalDate.ofEpochDay(Math.floorDiv(slotStart.getEpochSecond(), 86_400L));
                slotHours = 1;
            }
        }
        String billingSubscriptionRaw = f.required("SubscriptionId");
        String billingSubscription = key(2, billingSubscriptionRaw);
        String entitlementRaw = f.text("EntitlementId");
        String entitlement = Identifiers.key(entitlementRaw);
        String subscription = entitlement != null ? entitlement : billingSubscription;
        // As written, for invoices and reports; identity and matching use the normal form above.
        String subscriptionDisplay = (entitlement != null ? entitlementRaw : billingSubscriptionRaw).strip();
        String meterCategory = f.required("MeterCategory");
        String resourceUri = key(0, f.text(costExport ? "ResourceId" : "ResourceURI"));
        String resourceGroup = key(1, f.text(f.has("ResourceGroup") ? "ResourceGroup" : "ResourceGroupName"));
        String region = Identifiers.region(f.text("ResourceLocation"));
        String additionalInfo = f.text("AdditionalInfo");
        BigDecimal quantity = f.nonNegative("Quantity");
        BigDecimal unitPrice = f.decimal("UnitPrice");
        Currency billingCurrency = f.currency(f.has("BillingCurrency") ? "BillingCurrency" : "BillingCurrencyCode");
        Currency pricingCurrency = f.optionalCurrency("PricingCurrency");
        if (pricingCurrency == null) {
            pricingCurrency = billingCurrency;
        }
        boolean vm = meterCategory.equalsIgnoreCase("Virtual Machines");
        String vmSize = null;
        String vmSizeDisplay = null;
        if (vm) {
            if (additionalInfo != null && additionalInfo.equals(lastAdditionalInfo)) {
                vmSizeDisplay = lastServiceType;
            } else {
                vmSizeDisplay = serviceType(additionalInfo);
                lastAdditionalInfo = additionalInfo;
                lastServiceType = vmSizeDisplay;
            }
            vmSizeDisplay = vmSizeDisplay == null ? null : vmSizeDisplay.trim();
            vmSize = Identifiers.key(vmSizeDisplay);
            if (vmSize == null) {
                throw new RowRejectedException(RejectReason.MISSING_FIELD,
                        "AdditionalInfo has no ServiceType (the VM size), needed for a Virtual Machines row");
            }
            if (region == null) {
                throw new RowRejectedException(RejectReason.MISSING_FIELD, "ResourceLocation is empty for a Virtual Machines row");
            }
        }
        if (resourceUri != null && resourceUri.contains("/virtualmachines/")
                && quantity.compareTo(BigDecimal.valueOf(slotHours)) > 0) {
            throw new RowRejectedException(RejectReason.TOO_MANY_HOURS, "Quantity " + quantity.toPlainString()
                    + " is more hours than the " + (slotHours == 1 ? "hourly" : "daily") + " slot holds for a single VM");
        }
        // Stored at scale 10 (see UsageEntries), rounded here on the parsing thread rather than in the writer.
        quantity = UsageEntries.stored(quantity);
        unitPrice = UsageEntries.stored(unitPrice);
        String pricingModel = f.text("PricingModel");
        String meterName = f.text("MeterName");
        String chargeType = f.text("ChargeType");
        String consumedService = f.text("ConsumedService");
        // Every column but the slot, quantity and price, as given (identifiers in normal form): rows equal here
        // share one usage_line; the rest of "all columns equal" is the entry key within a usage_pack line-day.
        Object[] parts = {customerId, billingSubscription, entitlement, resourceGroup, resourceUri, meterCategory,
                consumedService, region, additionalInfo, billingCurrency, f.text("PricingCurrency"), pricingModel,
                meterName, chargeType};
        if (lastLineHash != null && java.util.Arrays.equals(parts, lastLineParts)) {
            return new UsageRow(customerId, usageDate, slotStart, slotHours, subscription, billingSubscription,
                    resourceGroup, resourceUri, meterCategory, consumedService, region, vmSize, vmSizeDisplay, quantity,
                    unitPrice, billingCurrency, pricingCurrency, pricingModel, meterName, chargeType, additionalInfo,
                    lastLineHash, subscriptionDisplay);
        }
        lastLineParts = parts;
        StringBuilder line = new StringBuilder(256).append(customerId).append('|').append(billingSubscription).append('|')
                .append(entitlement).append('|').append(resourceGroup).append('|').append(resourceUri).append('|')
                .append(meterCategory).append('|').append(consumedService).append('|').append(region).append('|')
                .append(additionalInfo).append('|').append(billingCurrency).append('|')
                .append(f.text("PricingCurrency")).append('|').append(pricingModel).append('|').append(meterName)
                .append('|').append(chargeType);
        lastLineHash = RowHash.of(line.toString());
        return new UsageRow(customerId, usageDate, slotStart, slotHours, subscription, billingSubscription,
                resourceGroup, resourceUri, meterCategory, consumedService, region, vmSize, vmSizeDisplay, quantity, unitPrice,
                billingCurrency, pricingCurrency, pricingModel, meterName, chargeType, additionalInfo,
                lastLineHash, subscriptionDisplay);
    }

    /** {@link Identifiers#key} of a field, reusing the previous row's result when the field repeats. */
    private String key(int field, String raw) {
        if (raw != null && raw.equals(lastRaw[field])) {
            return lastKey[field];
        }
        String key = Identifiers.key(raw);
        lastRaw[field] = raw;
        lastKey[field] = key;
        return key;
    }

    /** The ServiceType value of the AdditionalInfo JSON (key compared case-insensitively), or null. */
    static String serviceType(String additionalInfo) {
        if (additionalInfo == null || additionalInfo.isEmpty()) {
            return null;
        }
        try (JsonParser p = JSON.createParser(additionalInfo)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RowRejectedException(RejectReason.MALFORMED_FIELD, "AdditionalInfo is not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) != null && t != JsonToken.END_OBJECT) {
                if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.toLowerCase(Locale.ROOT).equals("servicetype") && value == JsonToken.VALUE_STRING) {
                        return p.getText();
                    }
                    p.skipChildren();
                }
            }
            return null;
        } catch (IOException e) {
            throw new RowRejectedException(RejectReason.MALFORMED_FIELD, "AdditionalInfo is not valid JSON");
        }
    }
}
