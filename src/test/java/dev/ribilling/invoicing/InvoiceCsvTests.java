package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.JPY;
import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.date;
import static dev.ribilling.invoicing.Fixtures.dec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.billing.Money;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceCsvTests {

    private static InvoiceLine refund(BillTo billTo, String description) {
        LineKey key = new LineKey(billTo, InvoiceLineType.ReservationRefund, "R1", null, "Standard_D2s_v3", "westeurope",
                null, date("2026-10-06"));
        return new InvoiceLine(InvoiceLineType.ReservationRefund, key, description, dec("3"), "Instances",
                Money.of("-12.50", "USD"), "detail");
    }

    private static InvoiceLine payg(BillTo billTo, String subscription, String amount) {
        LineKey key = new LineKey(billTo, InvoiceLineType.PaygUsage, null, subscription, "Standard_D2s_v3", "westeurope",
                "OnDemand", null);
        return new InvoiceLine(InvoiceLineType.PaygUsage, key, "usage", dec("24.50"), "Hours",
                Money.of(amount, "USD"), "detail");
    }

    @Test
    void headerIsTheContractColumnList() {
        assertThat(InvoiceCsv.header()).containsExactly("InvoiceNumber", "Revision", "CustomerId", "ResellerId", "Period",
                "LineType", "Description", "ReservationId", "SubscriptionId", "SkuName", "Region", "Quantity", "Unit",
                "UnitPrice", "Amount", "Currency");
    }

    @Test
    void rowsCarryPlainNumbersAndTheBillToParty() {
        Invoice invoice = new Invoice("C1", YearMonth.of(2026, 10), BillTo.of("RES-A"), USD,
                List.of(refund(BillTo.of("RES-A"), "Reservation refund")));

        List<String[]> rows = InvoiceCsv.rows(invoice, "RIB-2026-000042", 2);

        // UnitPrice = −12.50 ÷ 3 = −4.166667 (informational); negative numbers are not escaped.
        assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsExactly("RIB-2026-000042", "2", "C1",
                "RES-A", "2026-10", "ReservationRefund", "Reservation refund", "R1", "", "Standard_D2s_v3", "westeurope",
                "3", "Instances", "-4.166667", "-12.50", "USD"));
    }

    @Test
    void directSalesHaveAnEmptyResellerAndYenAmountsHaveNoDecimals() {
        LineKey key = new LineKey(BillTo.DIRECT, InvoiceLineType.PaygUsage, null, "S1", "Storage", "westeurope", "", null);
        Invoice invoice = new Invoice("C1", YearMonth.of(2026, 10), BillTo.DIRECT, JPY, List.of(new InvoiceLine(
                InvoiceLineType.PaygUsage, key, "usage", dec("100.000"), "Units", Money.of("1234", "JPY"), "detail")));

        String[] row = InvoiceCsv.rows(invoice, "RIB-2026-000001", 1).get(0);

        assertThat(row[3]).isEmpty();
        assertThat(row[11]).isEqualTo("100");
        assertThat(row[13]).isEqualTo("12.34");
        assertThat(row[14]).isEqualTo("1234");
    }

    @Test
    void textCellsThatCouldBeFormulasArePrefixedWithAQuote() {
        assertThat(InvoiceCsv.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(InvoiceCsv.text("+1")).isEqualTo("'+1");
        assertThat(InvoiceCsv.text("-2+3")).isEqualTo("'-2+3");
        assertThat(InvoiceCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(InvoiceCsv.text("\tcmd")).isEqualTo("'\tcmd");
        assertThat(InvoiceCsv.text("\rcmd")).isEqualTo("'\rcmd");
        assertThat(InvoiceCsv.text("Reservation = fine")).isEqualTo("Reservation = fine");
        assertThat(InvoiceCsv.text(null)).isEmpty();

        Invoice invoice = new Invoice("C1", YearMonth.of(2026, 10), BillTo.DIRECT, USD,
                List.of(refund(BillTo.DIRECT, "=cmd|' /C calc'!A0")));
        String[] row = InvoiceCsv.rows(invoice, "RIB-2026-000042", 1).get(0);
        assertThat(row[6]).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(row[14]).isEqualTo("-12.50");
    }

    @Test
    void rowOrderIsStableWhateverTheLineOrder() {
        BillTo party = BillTo.of("RES-A");
        List<InvoiceLine> lines = List.of(payg(party, "S2", "1.00"), refund(party, "refund"), payg(party, "S1", "2.00"));
        Invoice one = new Invoice("C1", YearMonth.of(2026, 10), party, USD, lines);
        Invoice other = new Invoice("C1", YearMonth.of(2026, 10), party, USD, List.of(lines.get(2), lines.get(0), lines.get(1)));

        List<String> first = InvoiceCsv.rows(one, "N", 1).stream().map(r -> String.join(",", r)).toList();
        List<String> second = InvoiceCsv.rows(other, "N", 1).stream().map(r -> String.join(",", r)).toList();

        assertThat(first).isEqualTo(second);
        // Reservation lines before usage lines (LineType order), then by subscription.
        assertThat(first).extracting(r -> r.split(",")[5] + "/" + r.split(",")[8])
                .containsExactly("ReservationRefund/", "PaygUsage/S1", "PaygUsage/S2");
    }

    @Test
    void aRevisionNoteListsTheAdjustments() {
        BillTo party = BillTo.of("RES-A");
        Invoice before = new Invoice("C1", YearMonth.of(2026, 10), party, USD, List.of(payg(party, "S1", "2.00")));
        Invoice after = new Invoice("C1", YearMonth.of(2026, 10), party, USD, List.of(payg(party, "S1", "1.50")));
        InvoiceRevisions.Revision revision = InvoiceRevisions.revise(before, after).orElseThrow();

        List<String[]> note = InvoiceCsv.noteRows(revision, "RIB-2026-000042", 2);

        assertThat(note).singleElement().satisfies(row -> {
            assertThat(row[5]).isEqualTo("Adjustment");
            assertThat(row[8]).isEqualTo("S1");
            assertThat(row[11]).isEmpty();
            assertThat(row[14]).isEqualTo("-0.50");
        });
    }
}
