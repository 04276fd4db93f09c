package dev.ribilling.ingest;

import static dev.ribilling.testing.Fields.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.testing.Fields;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Both usage shapes: Partner Center daily rated usage and Azure cost-details exports. */
class UsageRowParserTests {

    static final String VM_URI = "/subscriptions/C0A1-0001/resourceGroups/RG-Web/providers/Microsoft.Compute/virtualMachines/web-01";
    static final String VMSS_URI = "/subscriptions/c0a1-0001/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/vmss";

    /** A Partner Center hourly VM row (columns in a different order than the contract lists them). */
    static Fields partnerCenter() {
        return Fields.of("UsageDate", "2026-10-02T05:00:00Z", "CustomerId", "contoso", "SubscriptionId", "C0A1-0001",
                "EntitlementId", "", "ResourceGroup", "RG-Web", "ResourceURI", VM_URI, "ResourceLocation", "East US",
                "MeterCategory", "Virtual Machines", "MeterName", "D2s v5", "ConsumedService", "Microsoft.Compute",
                "PricingModel", "OnDemand", "Quantity", "1", "UnitPrice", "0.096", "PricingCurrency", "",
                "BillingCurrency", "EUR", "AdditionalInfo", "{\"ImageType\":\"Canonical\",\"ServiceType\":\"Standard_D2s_v5\"}");
    }

    static UsageRow parse(Fields f) {
        return new UsageRowParser(f.header(), null).parse(f.reader());
    }

    @Test
    void anHourlyPartnerCenterRowInNormalForm() {
        UsageRow r = parse(partnerCenter());

        assertThat(r.customerId()).isEqualTo("contoso");
        assertThat(r.hourly()).isTrue();
        assertThat(r.slotHours()).isEqualTo(1);
        assertThat(r.slotStart()).isEqualTo(Instant.parse("2026-10-02T05:00:00Z"));
        assertThat(r.usageDate()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(r.subscriptionId()).isEqualTo("c0a1-0001");
        assertThat(r.billingSubscriptionId()).isEqualTo("c0a1-0001");
        assertThat(r.resourceGroup()).isEqualTo("rg-web");
        assertThat(r.resourceUri()).isEqualTo(VM_URI.toLowerCase());
        assertThat(r.region()).as("display name normalised").isEqualTo("eastus");
        assertThat(r.vmSize()).isEqualTo("standard_d2s_v5");
        assertThat(r.quantity()).isEqualByComparingTo("1");
        assertThat(r.unitPrice()).isEqualByComparingTo("0.096");
        assertThat(r.billingCurrency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(r.pricingCurrency()).as("defaults to BillingCurrency").isEqualTo(Currency.getInstance("EUR"));
        assertThat(r.meterName()).isEqualTo("D2s v5");
        assertThat(r.pricingModel()).isEqualTo("OnDemand");
        assertThat(new UsageRowParser(partnerCenter().header(), null).costExport()).isFalse();
        assertThat(new UsageRowParser(partnerCenter().header(), null).skipReason(partnerCenter().reader())).isNull();
    }

    @Test
    void theEntitlementIdIsTheSubscriptionWhenPresent() {
        UsageRow r = parse(partnerCenter().with("SubscriptionId", "B1111111-BILLING").with("EntitlementId", "0B0B-0001"));
        assertThat(r.subscriptionId()).isEqualTo("0b0b-0001");
        assertThat(r.billingSubscriptionId()).isEqualTo("b1111111-billing");

        UsageRow withoutColumn = parse(partnerCenter().without("EntitlementId"));
        assertThat(withoutColumn.subscriptionId()).isEqualTo("c0a1-0001");
    }

    @Test
    void pricingCurrencyWhenGiven() {
        assertThat(parse(partnerCenter().with("PricingCurrency", "usd")).pricingCurrency())
                .isEqualTo(Currency.getInstance("USD"));
    }

    @Test
    void aPlainDateIsADailySlot() {
        UsageRow r = parse(partnerCenter().with("UsageDate", "2026-10-03").with("Quantity", "24"));
        assertThat(r.hourly()).isFalse();
        assertThat(r.slotHours()).isEqualTo(24);
        assertThat(r.slotStart()).isEqualTo(Instant.parse("2026-10-03T00:00:00Z"));
        assertThat(r.usageDate()).isEqualTo(LocalDate.of(2026, 10, 3));
    }

    @Test
    void anHourWithAnOffsetIsTheUtcHourAndItsUtcDate() {
        UsageRow r = parse(partnerCenter().with("UsageDate", "2026-10-01T01:00:00+02:00"));
        assertThat(r.slotStart()).isEqualTo(Instant.parse("2026-09-30T23:00:00Z"));
        assertThat(r.usageDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(r.slotHours()).isEqualTo(1);
    }

    @Test
    void anHourlyUsageDateMustBeOnTheHour() {
        assertRejected(() -> parse(partnerCenter().with("UsageDate", "2026-10-05T05:30:00Z")), RejectReason.MALFORMED_FIELD,
                "UsageDate '2026-10-05T05:30:00Z' is a date-time that is not on the hour");
        assertRejected(() -> parse(partnerCenter().with("UsageDate", "2026-10-05T05:00:01Z")), RejectReason.MALFORMED_FIELD,
                "UsageDate '2026-10-05T05:00:01Z' is a date-time that is not on the hour");
        assertRejected(() -> parse(partnerCenter().with("UsageDate", "2026-10-05T05:00:00.001Z")),
                RejectReason.MALFORMED_FIELD, "UsageDate '2026-10-05T05:00:00.001Z' is a date-time that is not on the hour");
        // On the hour in India is half past in UTC: not a UTC clock hour.
        assertRejected(() -> parse(partnerCenter().with("UsageDate", "2026-10-05T05:00:00+05:30")),
                RejectReason.MALFORMED_FIELD, "UsageDate '2026-10-05T05:00:00+05:30' is a date-time that is not on the hour");
    }

    @Test
    void malformedAndZonelessUsageDates() {
        assertRejected(() -> parse(partnerCenter().with("UsageDate", "2026-10-32T05:00:00Z")), RejectReason.MALFORMED_FIELD,
                "UsageDate '2026-10-32T05:00:00Z' is not an ISO-8601 date-time");
        assertRejected(() -> parse(partnerCenter().with("UsageDate", "2026-10-05T05:00:00")), RejectReason.MALFORMED_FIELD,
                "UsageDate '2026-10-05T05:00:00' has no time zone");
        assertRejected(() -> parse(partnerCenter().with("UsageDate", "2026-10-32")), RejectReason.MALFORMED_FIELD,
                "UsageDate '2026-10-32' is not an ISO date");
        assertRejected(() -> parse(partnerCenter().with("UsageDate", "")), RejectReason.MISSING_FIELD, "UsageDate is empty");
    }

    @Test
    void moreHoursThanTheSlotOnlyForSingleVirtualMachines() {
        assertRejected(() -> parse(partnerCenter().with("Quantity", "1.5")), RejectReason.TOO_MANY_HOURS,
                "Quantity 1.5 is more hours than the hourly slot holds for a single VM");
        assertRejected(() -> parse(partnerCenter().with("UsageDate", "2026-10-03").with("Quantity", "24.5")),
                RejectReason.TOO_MANY_HOURS, "Quantity 24.5 is more hours than the daily slot holds for a single VM");
        assertRejected(() -> parse(partnerCenter().with("ResourceURI", VM_URI.toUpperCase()).with("Quantity", "2")),
                RejectReason.TOO_MANY_HOURS, "Quantity 2 is more hours");
        // A scale-set instance is a single VM too.
        assertRejected(() -> parse(partnerCenter().with("ResourceURI", VMSS_URI + "/virtualMachines/3").with("Quantity", "2")),
                RejectReason.TOO_MANY_HOURS, "Quantity 2 is more hours");

        assertThat(parse(partnerCenter().with("Quantity", "1.0")).quantity()).isEqualByComparingTo("1");
        assertThat(parse(partnerCenter().with("UsageDate", "2026-10-03").with("Quantity", "24")).quantity())
                .isEqualByComparingTo("24");
        assertThat(parse(partnerCenter().with("ResourceURI", VMSS_URI).with("Quantity", "3")).quantity())
                .as("scale sets have no upper bound").isEqualByComparingTo("3");
        assertThat(parse(partnerCenter().with("ResourceURI", VMSS_URI).with("UsageDate", "2026-10-03")
                .with("Quantity", "480")).quantity()).isEqualByComparingTo("480");
        assertThat(parse(partnerCenter().with("MeterCategory", "Storage").with("AdditionalInfo", "")
                .with("ResourceURI", "/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st")
                .with("Quantity", "16.129032")).vmSize()).as("not a VM: no size needed").isNull();
    }

    @Test
    void negativeAndMissingQuantities() {
        assertRejected(() -> parse(partnerCenter().with("Quantity", "-1")), RejectReason.NEGATIVE_QUANTITY,
                "Quantity -1 is negative");
        assertRejected(() -> parse(partnerCenter().with("Quantity", "")), RejectReason.MISSING_FIELD, "Quantity is empty");
        assertRejected(() -> parse(partnerCenter().with("UnitPrice", "0.O96")), RejectReason.MALFORMED_FIELD,
                "UnitPrice '0.O96' is not a decimal number");
    }

    @Test
    void customerIdsMustBeSafe() {
        assertRejected(() -> parse(partnerCenter().with("CustomerId", "../../x")), RejectReason.UNSAFE_ID,
                "CustomerId '../../x' is not allowed");
        assertRejected(() -> parse(partnerCenter().with("CustomerId", "")), RejectReason.MISSING_FIELD, "CustomerId is empty");
    }

    @Test
    void aVirtualMachinesRowNeedsItsSizeAndRegion() {
        assertRejected(() -> parse(partnerCenter().with("AdditionalInfo", "")), RejectReason.MISSING_FIELD,
                "AdditionalInfo has no ServiceType");
        assertRejected(() -> parse(partnerCenter().with("AdditionalInfo", "{}")), RejectReason.MISSING_FIELD,
                "AdditionalInfo has no ServiceType");
        assertRejected(() -> parse(partnerCenter().with("AdditionalInfo", "{\"ServiceType\": 5}")),
                RejectReason.MISSING_FIELD, "AdditionalInfo has no ServiceType");
        assertRejected(() -> parse(partnerCenter().with("AdditionalInfo", "not json")), RejectReason.MALFORMED_FIELD,
                "AdditionalInfo is not valid JSON");
        assertRejected(() -> parse(partnerCenter().with("AdditionalInfo", "[1]")), RejectReason.MALFORMED_FIELD,
                "AdditionalInfo is not a JSON object");
        assertRejected(() -> parse(partnerCenter().with("ResourceLocation", " ")), RejectReason.MISSING_FIELD,
                "ResourceLocation is empty for a Virtual Machines row");
        UsageRow r = parse(partnerCenter().with("AdditionalInfo", "{\"nested\":{\"ServiceType\":\"x\"},\"servicetype\":\"Standard_B2ms\"}"));
        assertThat(r.vmSize()).as("top-level key, any case").isEqualTo("standard_b2ms");
    }

    @Test
    void theLineHashCoversTheDescriptiveColumnsButNotTheSlotQuantityOrPrice() {
        RowHash base = parse(partnerCenter()).lineHash();
        assertThat(parse(partnerCenter()).lineHash()).isEqualTo(base);
        assertThat(parse(partnerCenter().with("UsageDate", "2026-10-02T06:00:00Z").with("Quantity", "0.5")
                .with("UnitPrice", "0.1")).lineHash()).isEqualTo(base);
        assertThat(parse(partnerCenter().with("ResourceGroup", "rg-web").with("ResourceURI", VM_URI.toLowerCase()))
                .lineHash()).as("identifiers compare case-insensitively").isEqualTo(base);
        assertThat(parse(partnerCenter().with("MeterName", "D2s v5 Spot")).lineHash()).isNotEqualTo(base);
        assertThat(parse(partnerCenter().with("ResourceURI", VMSS_URI)).lineHash()).isNotEqualTo(base);
        assertThat(parse(partnerCenter().with("CustomerId", "fabrikam")).lineHash()).isNotEqualTo(base);
        assertThat(parse(partnerCenter().with("EntitlementId", "c0a1-0001")).lineHash())
                .as("EntitlementId given is another column value").isNotEqualTo(base);
    }

    /** An EA cost-details export row: no CustomerId, Date as MM/DD/YYYY, ResourceId, alternative column names. */
    static Fields costExport() {
        return Fields.of("BillingAccountId", "123", "SubscriptionId", "EA-SUB-1", "Date", "09/04/2023",
                "MeterCategory", "Virtual Machines", "Quantity", "24", "EffectivePrice", "0.1",
                "ResourceLocation", "EastUS", "ConsumedService", "Microsoft.Compute", "ResourceId", VM_URI,
                "ChargeType", "Usage", "UnitPrice", "0.2", "AdditionalInfo", "{\"ServiceType\":\"Standard_D2s_v5\"}",
                "BillingCurrencyCode", "USD", "ResourceGroupName", "RG-Web");
    }

    @Test
    void aCostExportRowIsADailyRowOfTheCustomerNamedOnTheCommandLine() {
        Fields f = costExport();
        UsageRowParser parser = new UsageRowParser(f.header(), "contoso");
        assertThat(parser.costExport()).isTrue();
        assertThat(UsageRowParser.isCostExport(f.header())).isTrue();
        assertThat(parser.skipReason(f.reader())).isNull();

        UsageRow r = parser.parse(f.reader());
        assertThat(r.customerId()).isEqualTo("contoso");
        assertThat(r.usageDate()).isEqualTo(LocalDate.of(2023, 9, 4));
        assertThat(r.slotStart()).isEqualTo(Instant.parse("2023-09-04T00:00:00Z"));
        assertThat(r.slotHours()).isEqualTo(24);
        assertThat(r.subscriptionId()).isEqualTo("ea-sub-1");
        assertThat(r.resourceGroup()).isEqualTo("rg-web");
        assertThat(r.resourceUri()).isEqualTo(VM_URI.toLowerCase());
        assertThat(r.billingCurrency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(r.unitPrice()).isEqualByComparingTo("0.2");
        assertThat(r.vmSize()).isEqualTo("standard_d2s_v5");
        assertRejected(() -> parser.parse(costExport().with("Quantity", "25").reader()), RejectReason.TOO_MANY_HOURS,
                "Quantity 25 is more hours than the daily slot");
    }

    @Test
    void costExportDatesAreStrictUsDates() {
        UsageRowParser parser = new UsageRowParser(costExport().header(), "contoso");
        assertRejected(() -> parser.parse(costExport().with("Date", "13/04/2023").reader()), RejectReason.MALFORMED_FIELD,
                "Date '13/04/2023' is not a date (MM/DD/YYYY)");
        assertRejected(() -> parser.parse(costExport().with("Date", "02/29/2023").reader()), RejectReason.MALFORMED_FIELD,
                "Date '02/29/2023' is not a date (MM/DD/YYYY)");
    }

    @Test
    void costExportChargesThatAreNotUsageAreSkipped() {
        UsageRowParser parser = new UsageRowParser(costExport().header(), "contoso");
        for (String chargeType : new String[] {"Purchase", "Refund", "UnusedReservation", "RoundingAdjustment"}) {
            assertThat(parser.skipReason(costExport().with("ChargeType", chargeType).reader()))
                    .isEqualTo("ChargeType " + chargeType + " is not usage");
        }
        assertThat(parser.skipReason(costExport().with("ChargeType", "usage").reader())).isNull();
        assertThat(parser.skipReason(costExport().with("ChargeType", "").reader())).isNull();
        Fields noChargeType = costExport().without("ChargeType");
        assertThat(new UsageRowParser(noChargeType.header(), "contoso").skipReason(noChargeType.reader())).isNull();
        // Partner Center rows are never skipped, whatever their ChargeType.
        Fields pc = partnerCenter().with("ChargeType", "Purchase");
        assertThat(new UsageRowParser(pc.header(), null).skipReason(pc.reader())).isNull();
    }

    @Test
    void aCostExportWithoutCustomerIsRejectedRowByRow() {
        UsageRowParser parser = new UsageRowParser(costExport().header(), null);
        assertRejected(() -> parser.parse(costExport().reader()), RejectReason.NO_CUSTOMER_FOR_EXPORT,
                "a cost-details export has no CustomerId: import it with --customer ID");
    }

    @Test
    void aHeaderWithUsageDateIsPartnerCenterEvenWithDateAndResourceId() {
        Fields f = partnerCenter().with("Date", "x").with("ResourceId", "y");
        assertThat(UsageRowParser.isCostExport(f.header())).isFalse();
        assertThat(UsageRowParser.isCostExport(costExport().without("ResourceId").header())).isFalse();
    }
}
