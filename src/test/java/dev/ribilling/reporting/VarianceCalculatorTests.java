package dev.ribilling.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ribilling.billing.Money;
import dev.ribilling.ingest.PartnerInvoiceRow;
import dev.ribilling.invoicing.InvoiceLineType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Microsoft's partner-invoice rows against our reservation lines: pairing, ROUNDDOWN and tolerance. */
class VarianceCalculatorTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String RATE = "0.9234567";

    private final VarianceCalculator calculator = new VarianceCalculator(VarianceTolerance.defaults());

    @Test
    void matchedWithinToleranceUsesRoundDownOfOurAmountTimesTheRowsRate() {
        // 100.00 USD × 0.9234567 = 92.34567 → ROUNDDOWN 92.34; Microsoft 92.35 is one cent off, the tolerance.
        List<VarianceRow> rows = calculator.compare(OCTOBER,
                List.of(microsoft("order-1", "new", "2026-10-05", "1", "92.35")),
                List.of(ours("order-1", InvoiceLineType.ReservationPurchase, "2026-10-05", "100.00")));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(VarianceStatus.MATCHED);
            assertThat(row.expected()).isEqualByComparingTo("92.34");
            assertThat(row.difference()).isEqualByComparingTo("0.01");
            assertThat(row.tolerance()).isEqualByComparingTo("0.01");
            assertThat(row.billingCurrency()).isEqualTo(EUR);
            assertThat(row.reservationId()).isEqualTo("res-order-1");
        });
    }

    @Test
    void aboveToleranceIsADifference() {
        List<VarianceRow> rows = calculator.compare(OCTOBER,
                List.of(microsoft("order-1", "new", "2026-10-05", "1", "92.40")),
                List.of(ours("order-1", InvoiceLineType.ReservationPurchase, "2026-10-05", "100.00")));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(VarianceStatus.DIFFERENCE);
            assertThat(row.difference()).isEqualByComparingTo("0.06");
            assertThat(row.status().needsAttention()).isTrue();
        });
    }

    @Test
    void toleranceGrowsWithQuantityAsTheSeatBasedFormulaLosesACentPerUnit() {
        List<VarianceRow> rows = calculator.compare(OCTOBER,
                List.of(microsoft("order-1", "new", "2026-10-05", "10", "923.37")),
                List.of(ours("order-1", InvoiceLineType.ReservationPurchase, "2026-10-05", "1000.00")));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.expected()).isEqualByComparingTo("923.45");
            assertThat(row.difference()).isEqualByComparingTo("-0.08");
            assertThat(row.tolerance()).isEqualByComparingTo("0.10");
            assertThat(row.status()).isEqualTo(VarianceStatus.MATCHED);
        });
    }

    @Test
    void microsoftRowWithoutOurLineIsMissingOnOurSide() {
        List<VarianceRow> rows = calculator.compare(OCTOBER,
                List.of(microsoft("order-2", "cycleCharge", "2026-10-10", "1", "50.00")), List.of());

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(VarianceStatus.MISSING_OURS);
            assertThat(row.subtotal()).isEqualByComparingTo("50.00");
            assertThat(row.expected()).isNull();
            assertThat(row.ourLineType()).isNull();
        });
    }

    @Test
    void ourLineWithoutMicrosoftRowIsMissingOnMicrosoftsSide() {
        List<VarianceRow> rows = calculator.compare(OCTOBER, List.of(),
                List.of(ours("order-3", InvoiceLineType.ReservationInstalment, "2026-10-12", "40.00")));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(VarianceStatus.MISSING_MICROSOFT);
            assertThat(row.ourAmountBeforeMarkup()).isEqualByComparingTo("40.00");
            assertThat(row.subtotal()).isNull();
            assertThat(row.category()).isEqualTo(ChargeCategory.CHARGE);
        });
    }

    @Test
    void refundsRoundDownTowardZeroSoTheyMirrorThePurchase() {
        // −100 × 0.9234567 = −92.34567: ROUNDDOWN (Excel, toward zero) gives −92.34, the purchase's 92.34 negated.
        assertThat(VarianceCalculator.roundDown(new BigDecimal("-10.239"))).isEqualByComparingTo("-10.23");
        assertThat(VarianceCalculator.roundDown(new BigDecimal("10.239"))).isEqualByComparingTo("10.23");

        List<VarianceRow> rows = calculator.compare(OCTOBER,
                List.of(microsoft("order-4", "cancelImmediate", "2026-10-20", "1", "-92.34")),
                List.of(ours("order-4", InvoiceLineType.ReservationRefund, "2026-10-20", "-100.00")));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.category()).isEqualTo(ChargeCategory.REFUND);
            assertThat(row.expected()).isEqualByComparingTo("-92.34");
            assertThat(row.difference()).isEqualByComparingTo("0");
            assertThat(row.status()).isEqualTo(VarianceStatus.MATCHED);
        });
    }

    @Test
    void aNegativeSubtotalIsARefundWhateverItsChargeTypeAndPairsWithOurRefundNotThePurchase() {
        List<VarianceRow> rows = calculator.compare(OCTOBER,
                List.of(microsoft("order-5", "new", "2026-10-01", "1", "92.34"),
                        microsoft("order-5", "Something Undocumented", "2026-10-21", "1", "-46.17")),
                List.of(ours("order-5", InvoiceLineType.ReservationPurchase, "2026-10-01", "100.00"),
                        ours("order-5", InvoiceLineType.ReservationRefund, "2026-10-21", "-50.00")));

        assertThat(rows).extracting(VarianceRow::category, VarianceRow::status).containsExactly(
                tuple(ChargeCategory.CHARGE, VarianceStatus.MATCHED),
                tuple(ChargeCategory.REFUND, VarianceStatus.MATCHED));
    }

    @Test
    void onlyRowsWithChargeStartDateInThePeriodAreCompared() {
        List<VarianceRow> rows = calculator.compare(OCTOBER,
                List.of(microsoft("order-6", "new", "2026-09-30", "1", "92.34")),
                List.of(ours("order-6", InvoiceLineType.ReservationPurchase, "2026-11-01", "100.00")));

        assertThat(rows).isEmpty();
    }

    @Test
    void orderIdsAndChargeTypesCompareCaseInsensitively() {
        List<VarianceRow> rows = calculator.compare(OCTOBER,
                List.of(microsoft("ORDER-7", "One Time Refund", "2026-10-03", "1", "-92.34")),
                List.of(ours("order-7", InvoiceLineType.ReservationRefund, "2026-10-03", "-100.00")));

        assertThat(rows).singleElement().extracting(VarianceRow::status).isEqualTo(VarianceStatus.MATCHED);
    }

    @Test
    void withoutAnExchangeRateBetweenTwoCurrenciesTheRowCannotBeCompared() {
        PartnerInvoiceRow noRate = new PartnerInvoiceRow("INV-1", "contoso", "new", "order-8", LocalDate.of(2026, 10, 2),
                LocalDate.of(2026, 10, 2), BigDecimal.ONE, new BigDecimal("100"), new BigDecimal("92.34"), USD, null, EUR,
                null);

        List<VarianceRow> rows = calculator.compare(OCTOBER, List.of(noRate),
                List.of(ours("order-8", InvoiceLineType.ReservationPurchase, "2026-10-02", "100.00")));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(VarianceStatus.NOT_COMPARABLE);
            assertThat(row.note()).contains("no PCToBCExchangeRate");
        });
    }

    private static PartnerInvoiceRow microsoft(String order, String chargeType, String date, String quantity,
            String subtotal) {
        return new PartnerInvoiceRow("INV-" + order, "contoso", chargeType, order, LocalDate.parse(date),
                LocalDate.parse(date), new BigDecimal(quantity), null, new BigDecimal(subtotal), USD,
                new BigDecimal(RATE), EUR, null);
    }

    private static ReservationLine ours(String order, InvoiceLineType type, String date, String amount) {
        return new ReservationLine(order.toLowerCase(), "res-" + order.toLowerCase(), "contoso", type,
                LocalDate.parse(date), Money.of(amount, "USD"));
    }
}
