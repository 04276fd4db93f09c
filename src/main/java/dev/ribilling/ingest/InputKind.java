package dev.ribilling.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The input file kinds of contract section 2, in their load order: reference data first, so that the rows
 * loaded later (reservations, usage) can be checked against it.
 */
public enum InputKind {
    ISF("isf", List.of("InstanceSizeFlexibilityGroup", "ArmSkuName", "Ratio"), List.of()),
    PRICES("prices", List.of("ArmSkuName", "ArmRegionName", "Type", "UnitPrice", "CurrencyCode", "EffectiveStartDate"),
            List.of("ReservationTerm", "MeterName", "ProductName")),
    FX_RATES("fx-rates", List.of("Date", "FromCurrency", "ToCurrency", "Rate"), List.of()),
    CUSTOMERS("customers", List.of("CustomerId", "CustomerName", "BillingCurrency", "PaygMarkupPct",
            "ReservationMarkupPct"), List.of("ResellerId")),
    RESERVATIONS("reservations", List.of("ReservationOrderId", "ReservationId", "CustomerId", "SkuName", "Region",
            "Quantity", "Term", "BillingPlan", "ScopeType", "BenefitStart", "TotalPrice", "PricingCurrency"),
            List.of("ScopeSubscriptionId", "ScopeResourceGroup", "InstanceFlexibility", "Expiry", "Status",
                    "CancelledAt", "ExchangedFrom", "ResellerId")),
    USAGE("usage", List.of("CustomerId", "SubscriptionId", "ResourceGroup", "ResourceURI", "UsageDate",
            "MeterCategory", "ConsumedService", "ResourceLocation", "Quantity", "UnitPrice", "BillingCurrency",
            "AdditionalInfo"), List.of("PricingCurrency", "EntitlementId", "PricingModel", "MeterName", "ChargeType")),
    PARTNER_INVOICE("partner-invoice", List.of("InvoiceNumber", "CustomerId", "ChargeType", "ReservationOrderId",
            "ChargeStartDate", "ChargeEndDate", "Quantity", "UnitPrice", "Subtotal", "PricingCurrency"),
            List.of("PCToBCExchangeRate", "Currency", "ResellerMpnId"));

    private final String prefix;
    private final List<String> requiredColumns;
    private final List<String> optionalColumns;

    InputKind(String prefix, List<String> requiredColumns, List<String> optionalColumns) {
        this.prefix = prefix;
        this.requiredColumns = requiredColumns;
        this.optionalColumns = optionalColumns;
    }

    /** The file-name prefix that identifies the kind inside an input directory. */
    public String prefix() {
        return prefix;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    public List<String> optionalColumns() {
        return optionalColumns;
    }

    /** Name used in reports and last-run.json. */
    public String label() {
        return prefix;
    }

    /** Only reservations and customers may also come as xlsx (first sheet). */
    public boolean acceptsXlsx() {
        return this == RESERVATIONS || this == CUSTOMERS;
    }

    /**
     * Recognises a file by its name prefix (case-insensitively) and extension. {@code fx-rates} is tested before
     * nothing else can shadow it; no two prefixes are prefixes of each other.
     */
    public static Optional<InputKind> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean csv = lower.endsWith(".csv");
        boolean xlsx = lower.endsWith(".xlsx");
        if (!csv && !xlsx) {
            return Optional.empty();
        }
        for (InputKind kind : values()) {
            if (lower.startsWith(kind.prefix) && (csv || kind.acceptsXlsx())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
