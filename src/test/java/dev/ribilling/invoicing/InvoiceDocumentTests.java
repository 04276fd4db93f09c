package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceDocumentTests {

    @Test
    void theDocumentRefusesInconsistentHeaders() {
        Invoice invoice = new Invoice("C1", YearMonth.of(2026, 10), BillTo.of("RES-A"), USD, List.of());
        assertThatThrownBy(() -> new InvoiceDocument("P", "", "RIB-2026-000001", 0, "", date("2026-11-03"),
                date("2026-12-03"), invoice, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceDocument("P", "", "RIB-2026-000001", 1, "", date("2026-11-03"),
                date("2026-11-02"), invoice, null)).isInstanceOf(IllegalArgumentException.class);
        InvoiceDocument blankReason = new InvoiceDocument("P", null, "RIB-2026-000001", 1, null, date("2026-11-03"),
                date("2026-12-03"), invoice, "  ");
        assertThat(blankReason.reason()).isEmpty();
        assertThat(blankReason.billToLabel()).isEqualTo("RES-A");
        assertThat(blankReason.partnerAddressLine()).isEmpty();
    }

    @Test
    void headerFieldsComeFromTheInvoice() {
        Invoice invoice = new Invoice("C9", YearMonth.of(2026, 10), BillTo.DIRECT, USD, List.of());
        InvoiceDocument document = new InvoiceDocument("P", " 1 Main Street \r\n  Springfield\n", "RIB-2026-000001", 1,
                "Fabrikam", date("2026-11-03"), date("2026-12-03"), invoice, "why");

        assertThat(document.customerId()).isEqualTo("C9");
        assertThat(document.billToLabel()).isEqualTo("direct");
        assertThat(document.period()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(document.currency()).isEqualTo(USD);
        assertThat(document.partnerAddressLine()).isEqualTo("1 Main Street, Springfield");
        assertThat(document.reason()).contains("why");
    }
}
