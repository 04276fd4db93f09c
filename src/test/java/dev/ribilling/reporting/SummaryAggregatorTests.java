package dev.ribilling.reporting;

import static dev.ribilling.reporting.WorkbookFixtures.EUR;
import static dev.ribilling.reporting.WorkbookFixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reseller subtotals, currency totals that tie out to the cent, and the partner total. */
class SummaryAggregatorTests {

    @Test
    void totalsAddTheRoundedCustomerFiguresSoTheyTieOutToTheInvoices() {
        // Three customers whose usage cost is 0.005 each: rounded per customer 0.01 each, so the total is 0.03
        // (what the cells above it add up to), not round(0.015) = 0.02.
        List<SummaryRow> rows = SummaryAggregator.summarize(List.of(
                customer(null, "a", EUR, "0.005", "10.00"), customer(null, "b", EUR, "0.005", "10.00"),
                customer("r1", "c", EUR, "0.005", "10.00")), USD, c -> new BigDecimal("1.10"));

        assertThat(rows).extracting(SummaryRow::level, SummaryRow::customerName).containsExactly(
                tuple(SummaryLevel.CUSTOMER, "a"),
                tuple(SummaryLevel.CUSTOMER, "b"),
                tuple(SummaryLevel.RESELLER, "(direct) total"),
                tuple(SummaryLevel.CUSTOMER, "c"),
                tuple(SummaryLevel.RESELLER, "r1 total"),
                tuple(SummaryLevel.CURRENCY_TOTAL, "Total EUR"),
                tuple(SummaryLevel.PARTNER_TOTAL, "Partner total USD"));
        SummaryRow eur = rows.get(5);
        assertThat(eur.usageCost()).isEqualByComparingTo("0.03");
        assertThat(eur.billedAmount()).isEqualByComparingTo("30.00");
        assertThat(rows.get(6).billedAmount()).isEqualByComparingTo("33.00");
        assertThat(rows.get(6).currency()).isEqualTo(USD);
    }

    @Test
    void marginIsBilledMinusPartnerCostAndItsShareIsOfTheBilledAmount() {
        SummaryRow row = SummaryRow.customer(null, "a", "A", EUR, new BigDecimal("60"), new BigDecimal("20"),
                new BigDecimal("100"), null, null, BigDecimal.ZERO, BigDecimal.ZERO);

        assertThat(row.partnerCost()).isEqualByComparingTo("80");
        assertThat(row.margin()).isEqualByComparingTo("20");
        assertThat(row.marginShare()).isEqualByComparingTo("0.2");
        assertThat(row.utilization()).isNull();
    }

    @Test
    void utilizationOfATotalIsARatioOfSums() {
        List<SummaryRow> rows = SummaryAggregator.summarize(List.of(
                units("a", "100", "100"), units("b", "300", "0")), EUR, c -> null);

        assertThat(rows.get(rows.size() - 1).utilization()).isEqualByComparingTo("0.25");
    }

    private static SummaryRow customer(String reseller, String id, java.util.Currency currency, String usage,
            String billed) {
        return SummaryRow.customer(reseller, id, id, currency, BigDecimal.ZERO, new BigDecimal(usage),
                new BigDecimal(billed), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static SummaryRow units(String id, String capacity, String used) {
        return SummaryRow.customer(null, id, id, EUR, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(capacity), new BigDecimal(used));
    }
}
