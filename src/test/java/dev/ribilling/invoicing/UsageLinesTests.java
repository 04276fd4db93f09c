package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.EUR;
import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.customer;
import static dev.ribilling.invoicing.Fixtures.date;
import static dev.ribilling.invoicing.Fixtures.dec;
import static dev.ribilling.invoicing.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsageLinesTests {

    private static final CustomerAccount EURO_CUSTOMER = customer("C1", EUR, "10", "RES-B");

    /** USD→EUR 0.90 on Oct 1 and 0.95 on Oct 2; nothing after, so Oct 10 is the last date with a rate. */
    private final UsageLines usageLines = new UsageLines(new CurrencyConverter(FxRates.of(List.of(
            new FxRate(date("2026-10-01"), USD, EUR, dec("0.90")),
            new FxRate(date("2026-10-02"), USD, EUR, dec("0.95"))))));

    private List<InvoiceLine> lines(UsageCharge... rows) {
        UsageLines.Result result = usageLines.build(EURO_CUSTOMER, List.of(rows));
        assertThat(result.problems()).isEmpty();
        return result.lines();
    }

    @Test
    void paygUsageConvertsRowByRowThenAggregatesAndMarksUp() {
        List<InvoiceLine> lines = lines(
                usage("S1", "Standard_D2s_v3", "2026-10-01").hours("10", "0").unitPrice("0.10", USD).build(),
                usage("S1", "Standard_D2s_v3", "2026-10-02").hours("20", "5").unitPrice("0.10", USD)
                        .computePrice("0.10", USD).build());

        // 10 × 0.10 × 0.90 = 0.90; 15 × 0.10 × 0.95 = 1.425; (0.90 + 1.425) × 1.10 = 2.5575 → 2.56
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.type()).isEqualTo(InvoiceLineType.PaygUsage);
            assertThat(line.quantity()).isEqualByComparingTo("25");
            assertThat(line.amount().amount()).isEqualByComparingTo("2.56");
            assertThat(line.amount().currency()).isEqualTo(EUR);
            assertThat(line.key().billTo()).isEqualTo(BillTo.of("RES-B"));
            assertThat(line.key().skuName()).isEqualTo("Standard_D2s_v3");
            assertThat(line.key().pricingModel()).isEqualTo("OnDemand");
            assertThat(line.detail()).contains("2 rows").contains("0.9 (row of 2026-10-01)")
                    .contains("0.95 (row of 2026-10-02)").contains("(1 + 10/100)");
        });
    }

    @Test
    void oneLinePerSubscriptionSizeOrMeterCategoryRegionAndPricingModel() {
        List<InvoiceLine> lines = lines(
                usage("S1", "Standard_D2s_v3", "2026-10-01").unitPrice("0.10", USD).build(),
                usage("S1", "standard_d2s_v3", "2026-10-01").region("West Europe").pricingModel("On Demand")
                        .unitPrice("0.10", USD).build(),
                usage("S1", "Standard_D2s_v3", "2026-10-01").pricingModel("Spot").unitPrice("0.02", USD).build(),
                usage("S2", "Standard_D2s_v3", "2026-10-01").unitPrice("0.10", USD).build(),
                usage("S1", null, "2026-10-01").meterCategory("Storage").hours("100", "0").unitPrice("0.05", USD).build());

        assertThat(lines).extracting(l -> l.key().subscriptionId() + "/" + l.key().skuName() + "/" + l.key().pricingModel())
                .containsExactlyInAnyOrder("S1/Standard_D2s_v3/OnDemand", "S1/Standard_D2s_v3/Spot",
                        "S2/Standard_D2s_v3/OnDemand", "S1/Storage/OnDemand");
        // Case, spaces and "On Demand" vs "OnDemand" do not split a line: 48 h × 0.10 × 0.90 × 1.10 = 4.752 → 4.75
        assertThat(lines).filteredOn(l -> l.key().subscriptionId().equals("S1") && l.key().pricingModel().equals("OnDemand")
                && l.type() == InvoiceLineType.PaygUsage && l.key().skuName().startsWith("Standard"))
                .singleElement().satisfies(l -> assertThat(l.amount().amount()).isEqualByComparingTo("4.75"));
        assertThat(lines).filteredOn(l -> l.key().skuName().equals("Storage")).singleElement()
                .satisfies(l -> assertThat(l.unit()).isEqualTo("Units"));
    }

    @Test
    void softwareUsageChargesTheDifferenceAboveTheComputePriceOnCoveredHours() {
        List<InvoiceLine> lines = lines(usage("S1", "Standard_D4s_v3", "2026-10-01").hours("10", "10")
                .unitPrice("0.20", USD).computePrice("0.10", USD).build());

        // 10 h × (0.20 − 0.10) = 1.00 USD × 0.90 × 1.10 = 0.99 EUR; fully covered, so no PaygUsage line.
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.type()).isEqualTo(InvoiceLineType.SoftwareUsage);
            assertThat(line.quantity()).isEqualByComparingTo("10");
            assertThat(line.amount().amount()).isEqualByComparingTo("0.99");
            assertThat(line.key().pricingModel()).isNull();
        });
    }

    @Test
    void softwareUsageNeedsMoreThanHalfAPercentAboveTheComputePrice() {
        List<InvoiceLine> atThreshold = lines(usage("S1", "Standard_D4s_v3", "2026-10-01").hours("100", "100")
                .unitPrice("0.1005", USD).computePrice("0.10", USD).build());
        List<InvoiceLine> above = lines(usage("S1", "Standard_D4s_v3", "2026-10-01").hours("100", "100")
                .unitPrice("0.1006", USD).computePrice("0.10", USD).build());

        assertThat(atThreshold).isEmpty();
        // 100 × 0.0006 = 0.06 USD × 0.90 × 1.10 = 0.0594 → 0.06
        assertThat(above).singleElement().satisfies(l -> assertThat(l.amount().amount()).isEqualByComparingTo("0.06"));
    }

    @Test
    void computePriceInAnotherCurrencyIsConvertedToTheRowCurrencyFirst() {
        // Compute price 0.09 EUR; only USD→EUR exists, so EUR→USD is 1/0.90: 0.10 USD.
        List<InvoiceLine> lines = lines(usage("S1", "Standard_D4s_v3", "2026-10-01").hours("10", "10")
                .unitPrice("0.20", USD).computePrice("0.09", EUR).build());

        assertThat(lines).singleElement().satisfies(l -> assertThat(l.amount().amount()).isEqualByComparingTo("0.99"));
    }

    @Test
    void licenceMetersAreOtherServicesAndNeverSoftwareUsage() {
        List<InvoiceLine> lines = lines(
                usage("S1", "Standard_D4s_v3", "2026-10-01").meterCategory("Virtual Machines Licenses")
                        .hours("10", "0").unitPrice("0.09", USD).build(),
                usage("S2", "Standard_D4s_v3", "2026-10-01").meterCategory("virtual machines licenses")
                        .hours("10", "10").unitPrice("0.50", USD).computePrice("0.10", USD).build());

        // Only PAYG for the uncovered licence hours, under the MeterCategory: 10 × 0.09 × 0.90 × 1.10 = 0.891 → 0.89
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.type()).isEqualTo(InvoiceLineType.PaygUsage);
            assertThat(l.key().skuName()).isEqualTo("Virtual Machines Licenses");
            assertThat(l.amount().amount()).isEqualByComparingTo("0.89");
        });
    }

    @Test
    void aCoveredRowWithoutComputePriceIsAProblem() {
        UsageLines.Result result = usageLines.build(EURO_CUSTOMER, List.of(
                usage("S1", "Standard_D4s_v3", "2026-10-01").hours("10", "4").unitPrice("0.20", USD).build()));

        assertThat(result.lines()).isEmpty();
        assertThat(result.problems()).singleElement().asString()
                .contains("compute price").contains("Standard_D4s_v3").contains("westeurope").contains("2026-10-01");
    }

    @Test
    void aRowWithoutRateIsAProblemButAFullyCoveredRowWithoutSoftwareNeedsNone() {
        UsageLines.Result missing = usageLines.build(EURO_CUSTOMER, List.of(
                usage("S1", "Standard_D2s_v3", "2026-10-20").unitPrice("0.10", USD).build()));
        UsageLines.Result nothingToConvert = usageLines.build(EURO_CUSTOMER, List.of(
                usage("S1", "Standard_D2s_v3", "2026-10-20").hours("24", "24").unitPrice("0.10", USD)
                        .computePrice("0.10", USD).build()));

        assertThat(missing.problems()).singleElement().asString().contains("USD->EUR").contains("2026-10-20");
        assertThat(nothingToConvert.problems()).isEmpty();
        assertThat(nothingToConvert.lines()).isEmpty();
    }

    @Test
    void aFreeRowNeedsNoRateButItsHoursStillCount() {
        List<InvoiceLine> lines = lines(
                usage("S1", "Standard_D2s_v3", "2026-10-01").hours("10", "0").unitPrice("0.10", USD).build(),
                usage("S1", "Standard_D2s_v3", "2026-10-20").hours("5", "0").unitPrice("0", USD).build());

        // 10 × 0.10 × 0.90 × 1.10 = 0.99; the Oct 20 row has no rate but costs nothing.
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualByComparingTo("15");
            assertThat(l.amount().amount()).isEqualByComparingTo("0.99");
        });
    }
}
