package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.date;
import static dev.ribilling.invoicing.Fixtures.dec;
import static dev.ribilling.invoicing.Fixtures.reservation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReservationChargesTests {

    private final ReservationCharges charges = new ReservationCharges(ReservationPriceLookup.none());

    private static BigDecimal rounded(ReservationCharge charge) {
        return Money.round(charge.amount().amount(), charge.amount().currency());
    }

    @Test
    void upfrontPurchaseIsChargedOnceInTheStartMonthWithTheFrozenMarkup() {
        ReservationTerms r = reservation("R1").price("3650").markup("15").start("2025-03-10T13:00:00Z").build();

        List<ReservationCharge> march = charges.forMonth(r, YearMonth.of(2025, 3));

        assertThat(march).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(InvoiceLineType.ReservationPurchase);
            assertThat(c.chargeDate()).isEqualTo(date("2025-03-10"));
            assertThat(c.amount().currency()).isEqualTo(USD);
            // 3,650 × 1.15 = 4,197.50
            assertThat(c.amount().amount()).isEqualByComparingTo("4197.50");
            assertThat(c.detail()).contains("TotalPrice 3650").contains("(1 + 15/100)");
        });
        assertThat(charges.forMonth(r, YearMonth.of(2025, 4))).isEmpty();
        assertThat(charges.forMonth(r, YearMonth.of(2025, 2))).isEmpty();
    }

    @Test
    void termDatesFollowTheUtcCalendar() {
        ReservationTerms r = reservation("R1").start("2025-03-10T23:30:00-02:00").build();

        // 23:30 at UTC−2 is 01:30 UTC on the 11th.
        assertThat(r.startDate()).isEqualTo(date("2025-03-11"));
        assertThat(r.termEnd()).isEqualTo(date("2026-03-11"));
        assertThat(r.termDays()).isEqualTo(365);
        assertThat(reservation("L").start("2027-06-01T00:00:00Z").build().termDays()).isEqualTo(366);
    }

    @Test
    void monthlyInstalmentIsTotalOverTwelveTimesYearsWithMarkup() {
        ReservationTerms r = reservation("R1").monthly().term(Term.P3Y).price("108000").markup("10")
                .start("2025-01-15T09:00:00Z").build();

        List<ReservationCharge> june = charges.forMonth(r, YearMonth.of(2025, 6));

        // 108,000 ÷ 36 = 3,000; × 1.10 = 3,300
        assertThat(june).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(InvoiceLineType.ReservationInstalment);
            assertThat(c.chargeDate()).isEqualTo(date("2025-06-15"));
            assertThat(c.amount().amount()).isEqualByComparingTo("3300");
            assertThat(c.description()).contains("6 of 36");
        });
        // 36 instalments: the last is 2027-12-15, none in January 2028.
        assertThat(charges.forMonth(r, YearMonth.of(2027, 12))).hasSize(1);
        assertThat(charges.forMonth(r, YearMonth.of(2028, 1))).isEmpty();
    }

    @Test
    void instalmentDatesAreCountedFromTheStartDateAndClampedToTheMonthEnd() {
        ReservationTerms r = reservation("R1").monthly().price("1200").start("2025-01-31T10:00:00Z").build();

        assertThat(charges.forMonth(r, YearMonth.of(2025, 2))).singleElement()
                .satisfies(c -> assertThat(c.chargeDate()).isEqualTo(date("2025-02-28")));
        // Not cumulative: after Feb 28 comes Mar 31, not Mar 28.
        assertThat(charges.forMonth(r, YearMonth.of(2025, 3))).singleElement()
                .satisfies(c -> assertThat(c.chargeDate()).isEqualTo(date("2025-03-31")));
        assertThat(charges.forMonth(r, YearMonth.of(2025, 4))).singleElement()
                .satisfies(c -> assertThat(c.chargeDate()).isEqualTo(date("2025-04-30")));
        assertThat(charges.forMonth(r, YearMonth.of(2025, 2)).get(0).amount().amount()).isEqualByComparingTo("100");

        ReservationTerms leap = reservation("R2").monthly().term(Term.P3Y).price("3600").start("2027-01-31T10:00:00Z").build();
        assertThat(charges.forMonth(leap, YearMonth.of(2028, 2))).singleElement()
                .satisfies(c -> assertThat(c.chargeDate()).isEqualTo(date("2028-02-29")));
    }

    @Test
    void upfrontRefundMatchesTheDomainExample() {
        // domain.md 5.1: bought 2025-03-10 for 3,650, cancelled 2025-09-06: 185 of 365 days remain.
        ReservationTerms r = reservation("R1").price("3650").start("2025-03-10T13:00:00Z")
                .cancelled("2025-09-06T08:00:00Z").build();

        List<ReservationCharge> september = charges.forMonth(r, YearMonth.of(2025, 9));

        assertThat(september).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(InvoiceLineType.ReservationRefund);
            assertThat(c.chargeDate()).isEqualTo(date("2025-09-06"));
            assertThat(rounded(c)).isEqualByComparingTo("-1850.00");
            assertThat(c.detail()).contains("185 remaining days").contains("365 termDays");
        });
    }

    @Test
    void upfrontRefundUsesTheLowerCurrentPriceTimesQuantity() {
        // Two instances bought for 7,300; the price sheet now lists 1,700 per instance: current price 3,400.
        ReservationPriceLookup sheet = (sku, region, term, on, currency) ->
                on.equals(date("2025-09-06")) && currency.equals(USD) ? Optional.of(dec("1700")) : Optional.empty();
        ReservationTerms r = reservation("R1").quantity(2).price("7300").start("2025-03-10T13:00:00Z")
                .cancelled("2025-09-06T08:00:00Z").build();

        ReservationCharge refund = new ReservationCharges(sheet).forMonth(r, YearMonth.of(2025, 9)).get(0);

        // 3,400 × 185 ÷ 365 = 1,723.2876… → 1,723.29
        assertThat(rounded(refund)).isEqualByComparingTo("-1723.29");
        assertThat(refund.detail()).contains("currentPrice 3400");
    }

    @Test
    void aHigherCurrentPriceDoesNotRaiseTheRefund() {
        ReservationPriceLookup dearer = (sku, region, term, on, currency) -> Optional.of(dec("5000"));
        ReservationTerms r = reservation("R1").price("3650").cancelled("2025-09-06T08:00:00Z").build();

        assertThat(rounded(new ReservationCharges(dearer).forMonth(r, YearMonth.of(2025, 9)).get(0)))
                .isEqualByComparingTo("-1850.00");
    }

    @Test
    void earlyTerminationFeeReducesCancellationsButNeverExchanges() {
        ReservationCharges withFee = new ReservationCharges(ReservationPriceLookup.none(), dec("12"));
        ReservationTerms cancelled = reservation("R1").price("3650").cancelled("2025-09-06T08:00:00Z").build();
        ReservationTerms exchanged = reservation("R2").price("3650").exchanged("2025-09-06T08:00:00Z").build();

        // 1,850 × 0.88 = 1,628.00 (domain.md 5.1)
        assertThat(rounded(withFee.forMonth(cancelled, YearMonth.of(2025, 9)).get(0))).isEqualByComparingTo("-1628.00");
        assertThat(rounded(withFee.forMonth(exchanged, YearMonth.of(2025, 9)).get(0))).isEqualByComparingTo("-1850.00");
    }

    @Test
    void refundAppliesTheFrozenMarkup() {
        ReservationTerms r = reservation("R1").price("3650").markup("10").cancelled("2025-09-06T08:00:00Z").build();

        // −1,850 × 1.10 = −2,035.00
        assertThat(rounded(charges.forMonth(r, YearMonth.of(2025, 9)).get(0))).isEqualByComparingTo("-2035.00");
    }

    @Test
    void refundOnALeapYearTermDividesBy366Days() {
        // 2027-06-01 → 2028-06-01 contains 2028-02-29: 366 days; 3,660 is 10 a day.
        ReservationTerms r = reservation("R1").price("3660").start("2027-06-01T00:00:00Z")
                .cancelled("2028-03-01T08:00:00Z").build();

        ReservationCharge refund = charges.forMonth(r, YearMonth.of(2028, 3)).get(0);

        // 92 days remain (March 31 + April 30 + May 31): 3,660 × 92 ÷ 366 = 920.00
        assertThat(r.termDays()).isEqualTo(366);
        assertThat(rounded(refund)).isEqualByComparingTo("-920.00");
    }

    @Test
    void upfrontCancelledInItsPurchaseMonthGetsPurchaseAndRefund() {
        ReservationTerms r = reservation("R1").price("3650").start("2025-03-10T13:00:00Z")
                .cancelled("2025-03-20T08:00:00Z").build();

        List<ReservationCharge> march = charges.forMonth(r, YearMonth.of(2025, 3));

        // 355 of 365 days remain: 3,650 × 355 ÷ 365 = 3,550.00
        assertThat(march).extracting(ReservationCharge::type)
                .containsExactly(InvoiceLineType.ReservationPurchase, InvoiceLineType.ReservationRefund);
        assertThat(rounded(march.get(1))).isEqualByComparingTo("-3550.00");
    }

    @Test
    void monthlyPlanCancelledMidInstalmentRefundsTheUnusedDaysOfTheCurrentInstalment() {
        ReservationTerms r = reservation("R1").monthly().price("1200").markup("10").start("2025-01-15T09:00:00Z")
                .cancelled("2025-03-25T12:00:00Z").build();

        List<ReservationCharge> march = charges.forMonth(r, YearMonth.of(2025, 3));

        // March 15 instalment: 100 × 1.10 = 110.00. Refund: 100 × (Apr 15 − Mar 25 = 21) ÷ (Apr 15 − Mar 15 = 31)
        // × 1.10 = 74.516… → −74.52. No instalments after the cancellation.
        assertThat(march).extracting(ReservationCharge::type)
                .containsExactly(InvoiceLineType.ReservationInstalment, InvoiceLineType.ReservationRefund);
        assertThat(rounded(march.get(0))).isEqualByComparingTo("110.00");
        assertThat(rounded(march.get(1))).isEqualByComparingTo("-74.52");
        assertThat(march.get(1).chargeDate()).isEqualTo(date("2025-03-25"));
        assertThat(march.get(1).detail()).contains("21 days").contains("31 days");
        assertThat(charges.forMonth(r, YearMonth.of(2025, 4))).isEmpty();
    }

    @Test
    void monthlyPlanCancelledOnAnInstalmentDateIsNotChargedThatInstalmentAndGetsNothingBack() {
        ReservationTerms r = reservation("R1").monthly().price("1200").start("2025-01-15T09:00:00Z")
                .cancelled("2025-03-15T00:00:05Z").build();

        List<ReservationCharge> march = charges.forMonth(r, YearMonth.of(2025, 3));

        // Only the refund remains, and the February instalment's period is fully used: 0.
        assertThat(march).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(InvoiceLineType.ReservationRefund);
            assertThat(c.amount().amount()).isEqualByComparingTo("0");
        });
    }

    @Test
    void remainingCommitmentIsTheRefundBeforeFeeAndMarkup() {
        ReservationCharges withFee = new ReservationCharges(ReservationPriceLookup.none(), dec("12"));
        ReservationTerms upfront = reservation("R1").price("3650").markup("20").cancelled("2025-09-06T08:00:00Z").build();
        ReservationTerms monthly = reservation("R2").monthly().price("1200").markup("20").start("2025-01-15T09:00:00Z")
                .cancelled("2025-03-25T12:00:00Z").build();

        assertThat(withFee.remainingCommitment(upfront).amount().amount()).isEqualByComparingTo("1850");
        // Nine unpaid instalments (Apr … Dec) × 100 + 100 × 21/31 = 967.7419…
        assertThat(Money.round(withFee.remainingCommitment(monthly).amount().amount(), USD))
                .isEqualByComparingTo("967.74");
    }
}
