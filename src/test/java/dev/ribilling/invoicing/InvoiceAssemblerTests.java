package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.EUR;
import static dev.ribilling.invoicing.Fixtures.JPY;
import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.customer;
import static dev.ribilling.invoicing.Fixtures.date;
import static dev.ribilling.invoicing.Fixtures.dec;
import static dev.ribilling.invoicing.Fixtures.reservation;
import static dev.ribilling.invoicing.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceAssemblerTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private final FxRates rates = FxRates.of(List.of(
            new FxRate(date("2026-10-01"), USD, EUR, dec("0.90")),
            new FxRate(date("2026-10-05"), USD, JPY, dec("150.123"))));
    private final InvoiceAssembler assembler = new InvoiceAssembler(
            new ReservationCharges(ReservationPriceLookup.none()), new CurrencyConverter(rates));

    private static List<Invoice> issued(CustomerInvoicing result) {
        assertThat(result).isInstanceOf(CustomerInvoicing.Issued.class);
        return ((CustomerInvoicing.Issued) result).invoices();
    }

    @Test
    void reservationLinesGoToTheFrozenPartnerOfRecordAndUsageToTheResellerAtPeriodEnd() {
        // Bought through RES-A; the customer has since moved to RES-B.
        CustomerAccount account = customer("C1", EUR, "10", "RES-B");
        ReservationTerms viaA = reservation("R1").partner("RES-A").markup("5").price("1000")
                .start("2026-10-01T10:00:00Z").build();
        ReservationTerms direct = reservation("R2").price("100").start("2026-10-01T10:00:00Z").build();

        List<Invoice> invoices = issued(assembler.assemble(account, OCTOBER, List.of(viaA, direct),
                List.of(usage("S1", "Standard_D2s_v3", "2026-10-03").hours("10", "0").unitPrice("1", USD).build())));

        // Direct first, then resellers in id order; one invoice per bill-to party.
        assertThat(invoices).extracting(Invoice::billTo)
                .containsExactly(BillTo.DIRECT, BillTo.of("RES-A"), BillTo.of("RES-B"));
        // R2: 100 USD × 0.90 = 90.00 EUR (reservation markup 0); R1: 1000 × 1.05 × 0.90 = 945.00 EUR.
        assertThat(invoices.get(0).lines()).singleElement()
                .satisfies(l -> assertThat(l.amount().amount()).isEqualByComparingTo("90.00"));
        assertThat(invoices.get(1).lines()).singleElement().satisfies(l -> {
            assertThat(l.type()).isEqualTo(InvoiceLineType.ReservationPurchase);
            assertThat(l.amount().amount()).isEqualByComparingTo("945.00");
            assertThat(l.key().chargeDate()).isEqualTo(date("2026-10-01"));
            assertThat(l.detail()).contains("USD->EUR 0.9");
        });
        // Usage: 10 × 1 × 0.90 (Oct 1 rate, 2 days old) × 1.10 = 9.90 EUR.
        assertThat(invoices.get(2).lines()).singleElement().satisfies(l -> {
            assertThat(l.type()).isEqualTo(InvoiceLineType.PaygUsage);
            assertThat(l.amount().amount()).isEqualByComparingTo("9.90");
        });
        assertThat(invoices).allSatisfy(i -> assertThat(i.currency()).isEqualTo(EUR));
    }

    @Test
    void aMissingRateSkipsTheWholeCustomerWithTheReason() {
        CustomerAccount account = customer("C1", EUR, "0", null);
        // The purchase on Oct 20 is 19 days after the last USD→EUR row.
        ReservationTerms late = reservation("R1").price("1000").start("2026-10-20T10:00:00Z").build();

        CustomerInvoicing result = assembler.assemble(account, OCTOBER, List.of(late),
                List.of(usage("S1", "Standard_D2s_v3", "2026-10-03").unitPrice("1", USD).build()));

        assertThat(result).isInstanceOfSatisfying(CustomerInvoicing.Skipped.class, skip -> {
            assertThat(skip.customerId()).isEqualTo("C1");
            assertThat(skip.reasons()).singleElement().asString()
                    .contains("USD->EUR").contains("2026-10-20").contains("R1");
            assertThat(skip.summary()).startsWith("customer C1 not invoiced:");
        });
    }

    @Test
    void aCoveredRowWithoutComputePriceSkipsTheCustomerButNotAnother() {
        CustomerAccount broken = customer("C1", USD, "0", null);
        CustomerAccount fine = customer("C2", USD, "0", null);

        CustomerInvoicing first = assembler.assemble(broken, OCTOBER, List.of(),
                List.of(usage("S1", "Standard_D2s_v3", "2026-10-03").hours("24", "24").build()));
        CustomerInvoicing second = assembler.assemble(fine, OCTOBER, List.of(),
                List.of(usage("S9", "Standard_D2s_v3", "2026-10-03").customer("C2").unitPrice("1", USD).build()));

        assertThat(first).isInstanceOf(CustomerInvoicing.Skipped.class);
        assertThat(issued(second)).singleElement()
                .satisfies(i -> assertThat(i.total().amount()).isEqualByComparingTo("24.00"));
    }

    @Test
    void eachLineIsRoundedHalfUpOnceAndTheTotalIsTheSumOfRoundedLines() {
        CustomerAccount account = customer("C1", USD, "0", null);

        List<Invoice> invoices = issued(assembler.assemble(account, OCTOBER, List.of(), List.of(
                usage("S1", "Standard_D2s_v3", "2026-10-03").hours("1", "0").unitPrice("0.005", USD).build(),
                usage("S2", "Standard_D2s_v3", "2026-10-03").hours("1", "0").unitPrice("0.005", USD).build(),
                usage("S3", "Standard_D2s_v3", "2026-10-03").hours("1", "0").unitPrice("0.004", USD).build())));

        // 0.005 → 0.01 twice; 0.004 → 0.00 is left out; total 0.02, not round(0.014) = 0.01.
        Invoice invoice = invoices.get(0);
        assertThat(invoice.lines()).extracting(l -> l.key().subscriptionId()).containsExactly("S1", "S2");
        assertThat(invoice.lines()).allSatisfy(l -> assertThat(l.amount().amount()).isEqualByComparingTo("0.01"));
        assertThat(invoice.total().amount()).isEqualByComparingTo("0.02");
    }

    @Test
    void negativeAmountsRoundHalfUpAwayFromZeroAndMakeACreditInvoice() {
        CustomerAccount account = customer("C1", USD, "0", null);
        // 1.825 × 1 remaining day ÷ 365 = 0.005 exactly (one day left, as in the domain's 1-day example).
        ReservationTerms r = reservation("R1").price("1.825").start("2025-10-09T10:00:00Z")
                .cancelled("2026-10-08T10:00:00Z").build();

        Invoice invoice = issued(assembler.assemble(account, OCTOBER, List.of(r), List.of())).get(0);

        assertThat(invoice.lines()).singleElement()
                .satisfies(l -> assertThat(l.amount().amount()).isEqualByComparingTo("-0.01"));
        assertThat(invoice.isCredit()).isTrue();
    }

    @Test
    void yenHasNoMinorUnits() {
        CustomerAccount account = customer("C1", JPY, "0", null);
        ReservationTerms r = reservation("R1").price("3650").start("2026-10-05T10:00:00Z").build();

        Invoice invoice = issued(assembler.assemble(account, OCTOBER, List.of(r), List.of(
                usage("S1", "Standard_D2s_v3", "2026-10-06").hours("10", "0").unitPrice("12.35", JPY).build()))).get(0);

        // 3,650 × 150.123 = 547,948.95 → 547,949; 10 × 12.35 = 123.5 → 124 (same currency, no rate).
        assertThat(invoice.lines()).extracting(l -> l.amount().amount())
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(dec("547949"), dec("124"));
        assertThat(invoice.lines()).allSatisfy(l -> assertThat(l.amount().amount().scale()).isZero());
        assertThat(invoice.total().amount()).isEqualByComparingTo("548073");
    }

    @Test
    void aMonthWithoutChargesGivesNoInvoiceAndOtherMonthsIgnoreTheReservation() {
        CustomerAccount account = customer("C1", USD, "0", null);
        ReservationTerms r = reservation("R1").price("1000").start("2026-09-01T10:00:00Z").build();

        assertThat(issued(assembler.assemble(account, OCTOBER, List.of(r), List.of()))).isEmpty();
    }

    @Test
    void aZeroRefundNeedsNoRate() {
        CustomerAccount account = customer("C1", EUR, "0", null);
        // Cancelled on its Oct 20 instalment date: that instalment is not charged and the refund is 0,
        // so the missing USD→EUR rate for Oct 20 does not matter.
        ReservationTerms r = reservation("R1").monthly().price("1200").start("2026-09-20T10:00:00Z")
                .cancelled("2026-10-20T10:00:00Z").build();

        assertThat(issued(assembler.assemble(account, OCTOBER, List.of(r), List.of()))).isEmpty();
    }
}
