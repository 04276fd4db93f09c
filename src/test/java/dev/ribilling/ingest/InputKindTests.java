package dev.ribilling.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** File kinds by name prefix and extension, and their load order. */
class InputKindTests {

    @ParameterizedTest
    @CsvSource({
            "customers.csv, CUSTOMERS", "Customers-2026.CSV, CUSTOMERS", "customers.xlsx, CUSTOMERS",
            "CUSTOMERS.XLSX, CUSTOMERS", "reservations.csv, RESERVATIONS", "reservations-bad.xlsx, RESERVATIONS",
            "prices.csv, PRICES", "prices-2026-10.csv, PRICES", "isf.csv, ISF", "ISF-small.csv, ISF",
            "fx-rates.csv, FX_RATES", "fx-rates-2026.csv, FX_RATES", "usage-2026-10.csv, USAGE", "usage.csv, USAGE",
            "usage-bom-crlf.csv, USAGE", "partner-invoice-2026-10.csv, PARTNER_INVOICE", "Partner-Invoice.csv, PARTNER_INVOICE"})
    void recognisedNames(String fileName, InputKind kind) {
        assertThat(InputKind.fromFileName(fileName)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "usage.txt", "usage.csv.gz", "usage.xlsx", "prices.xlsx", "isf.xlsx",
            "fx-rates.xlsx", "partner-invoice.xlsx", "my-usage.csv", "fx.csv", "rates.csv", "invoice.csv",
            "customer.csv", "reservation.csv", "partner.csv", "csv", ".csv"})
    void unrecognisedNames(String fileName) {
        assertThat(InputKind.fromFileName(fileName)).isEqualTo(Optional.empty());
    }

    @Test
    void onlyReservationsAndCustomersAcceptXlsx() {
        for (InputKind kind : InputKind.values()) {
            assertThat(kind.acceptsXlsx()).as(kind.name())
                    .isEqualTo(kind == InputKind.RESERVATIONS || kind == InputKind.CUSTOMERS);
        }
    }

    @Test
    void theLoadOrderIsTheContractsOrder() {
        assertThat(InputKind.values()).extracting(InputKind::label).containsExactly("isf", "prices", "fx-rates",
                "customers", "reservations", "usage", "partner-invoice");
    }

    @Test
    void requiredColumnsAreTheContractsColumns() {
        assertThat(InputKind.USAGE.requiredColumns()).containsExactly("CustomerId", "SubscriptionId", "ResourceGroup",
                "ResourceURI", "UsageDate", "MeterCategory", "ConsumedService", "ResourceLocation", "Quantity",
                "UnitPrice", "BillingCurrency", "AdditionalInfo");
        assertThat(InputKind.CUSTOMERS.requiredColumns()).containsExactly("CustomerId", "CustomerName", "BillingCurrency",
                "PaygMarkupPct", "ReservationMarkupPct");
        assertThat(InputKind.RESERVATIONS.requiredColumns()).containsExactly("ReservationOrderId", "ReservationId",
                "CustomerId", "SkuName", "Region", "Quantity", "Term", "BillingPlan", "ScopeType", "BenefitStart",
                "TotalPrice", "PricingCurrency");
        assertThat(InputKind.RESERVATIONS.optionalColumns()).doesNotContainAnyElementsOf(
                InputKind.RESERVATIONS.requiredColumns());
    }
}
