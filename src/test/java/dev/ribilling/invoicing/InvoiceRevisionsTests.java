package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.date;
import static dev.ribilling.invoicing.Fixtures.dec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.billing.Money;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceRevisionsTests {

    private static final BillTo RESELLER = BillTo.of("RES-A");

    private static InvoiceLine payg(String subscription, String sku, String amount) {
        LineKey key = new LineKey(RESELLER, InvoiceLineType.PaygUsage, null, subscription, sku, "westeurope", "OnDemand", null);
        return new InvoiceLine(InvoiceLineType.PaygUsage, key, "usage " + subscription, dec("10"), "Hours",
                Money.of(amount, "USD"), "test");
    }

    private static InvoiceLine purchase(String amount) {
        LineKey key = new LineKey(RESELLER, InvoiceLineType.ReservationPurchase, "R1", null, "Standard_D2s_v3",
                "westeurope", null, date("2026-10-01"));
        return new InvoiceLine(InvoiceLineType.ReservationPurchase, key, "purchase", dec("1"), "Instances",
                Money.of(amount, "USD"), "test");
    }

    private static Invoice invoice(InvoiceLine... lines) {
        return new Invoice("C1", YearMonth.of(2026, 10), RESELLER, USD, List.of(lines));
    }

    @Test
    void aChangedLineGetsOneAdjustmentAndTheRevisionCarriesTheFullNewAmounts() {
        Invoice revision1 = invoice(purchase("1000.00"), payg("S1", "Standard_D2s_v3", "10.00"),
                payg("S2", "Standard_D2s_v3", "5.00"));
        Invoice recomputed = invoice(purchase("1000.00"), payg("S1", "Standard_D2s_v3", "12.50"),
                payg("S2", "Standard_D2s_v3", "5.00"));

        InvoiceRevisions.Revision revision = InvoiceRevisions.revise(revision1, recomputed).orElseThrow();

        assertThat(revision.invoice().lines()).hasSize(3);
        assertThat(revision.total().amount()).isEqualByComparingTo("1017.50");
        assertThat(revision.adjustments()).singleElement().satisfies(adj -> {
            assertThat(adj.type()).isEqualTo(InvoiceLineType.Adjustment);
            assertThat(adj.key().type()).isEqualTo(InvoiceLineType.PaygUsage);
            assertThat(adj.key().subscriptionId()).isEqualTo("S1");
            assertThat(adj.amount().amount()).isEqualByComparingTo("2.50");
            assertThat(adj.description()).contains("10.00 -> 12.50");
        });
        assertThat(revision.isCreditNote()).isFalse();
    }

    @Test
    void noChangedAmountMeansNoRevisionEvenWhenOnlyTextOrCaseDiffers() {
        Invoice revision1 = invoice(purchase("1000.00"), payg("S1", "Standard_D2s_v3", "10.00"));
        InvoiceLine sameAmountOtherText = new InvoiceLine(InvoiceLineType.PaygUsage,
                new LineKey(RESELLER, InvoiceLineType.PaygUsage, null, "s1", "standard_d2s_v3", "West Europe",
                        "On Demand", null), "reworded", dec("11"), "Hours", Money.of("10.00", "USD"), "other");

        Optional<InvoiceRevisions.Revision> revision = InvoiceRevisions.revise(revision1,
                invoice(purchase("1000.00"), sameAmountOtherText));

        assertThat(revision).isEmpty();
    }

    @Test
    void aVanishedLineIsReversedAndANewLineIsAdded() {
        Invoice revision1 = invoice(purchase("1000.00"), payg("S1", "Standard_D2s_v3", "10.00"));
        Invoice recomputed = invoice(payg("S1", "Standard_D2s_v3", "10.00"), payg("S3", "Standard_D2s_v3", "3.00"));

        InvoiceRevisions.Revision revision = InvoiceRevisions.revise(revision1, recomputed).orElseThrow();

        // Purchase gone: −1,000.00; S3 new: +3.00. Total = new full total 13.00; the note is a credit note.
        assertThat(revision.adjustments()).extracting(l -> l.key().type() + ":" + l.amount().amount().toPlainString())
                .containsExactly("ReservationPurchase:-1000.00", "PaygUsage:3.00");
        assertThat(revision.total().amount()).isEqualByComparingTo("13.00");
        assertThat(revision.adjustmentTotal().amount()).isEqualByComparingTo("-997.00");
        assertThat(revision.isCreditNote()).isTrue();
    }

    @Test
    void previousAdjustmentLinesAreDeltasAndNotCompared() {
        Invoice revision2 = invoice(payg("S1", "Standard_D2s_v3", "12.50"));
        InvoiceLine oldAdjustment = InvoiceRevisions.revise(invoice(payg("S1", "Standard_D2s_v3", "10.00")), revision2)
                .orElseThrow().adjustments().get(0);
        Invoice revision2WithNote = invoice(payg("S1", "Standard_D2s_v3", "12.50"), oldAdjustment);

        assertThat(InvoiceRevisions.revise(revision2WithNote, invoice(payg("S1", "Standard_D2s_v3", "12.50")))).isEmpty();
    }

    @Test
    void aBillToPartyWithNoLineLeftIsFullyReversed() {
        Invoice revision1 = invoice(payg("S1", "Standard_D2s_v3", "10.00"));

        InvoiceRevisions.Revision revision = InvoiceRevisions.revise(revision1, invoice()).orElseThrow();

        assertThat(revision.total().amount()).isEqualByComparingTo("0");
        assertThat(revision.adjustmentTotal().amount()).isEqualByComparingTo("-10.00");
    }

    @Test
    void storedLinesOfRevisionNCanBeComparedDirectly() {
        InvoiceLine oldAdjustment = new InvoiceLine(InvoiceLineType.Adjustment, payg("S1", "Standard_D2s_v3", "1.00").key(),
                "old note", null, null, Money.of("-3.00", "USD"), "test");

        Optional<InvoiceRevisions.Revision> revision = InvoiceRevisions.revise(
                List.of(payg("S1", "Standard_D2s_v3", "10.00"), oldAdjustment), invoice(payg("S1", "Standard_D2s_v3", "9.99")));

        assertThat(revision).hasValueSatisfying(r -> assertThat(r.adjustments()).singleElement()
                .satisfies(a -> assertThat(a.amount().amount()).isEqualByComparingTo("-0.01")));
    }
}
