package dev.ribilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoiceNumbersTests {

    @Test
    void formatsPrefixYearAndSixDigitSequence() {
        assertThat(InvoiceNumbers.format("RIB", 2026, 42)).isEqualTo("RIB-2026-000042");
        assertThat(InvoiceNumbers.format("RIB", 2026, 999_999)).isEqualTo("RIB-2026-999999");
        assertThatIllegalArgumentException().isThrownBy(() -> InvoiceNumbers.format("RIB", 2026, 1_000_000));
        assertThatIllegalArgumentException().isThrownBy(() -> InvoiceNumbers.format("RIB", 2026, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> InvoiceNumbers.format("../x", 2026, 1));
    }

    @Test
    void newInvoicesAreNumberedInBillToThenCustomerOrderDirectFirst() {
        YearMonth december = YearMonth.of(2025, 12);
        InvoiceNumbers.InvoiceRef resBc1 = new InvoiceNumbers.InvoiceRef(BillTo.of("RES-B"), "C1", december);
        InvoiceNumbers.InvoiceRef directC2 = new InvoiceNumbers.InvoiceRef(BillTo.DIRECT, "C2", december);
        InvoiceNumbers.InvoiceRef resAc3 = new InvoiceNumbers.InvoiceRef(BillTo.of("RES-A"), "C3", december);
        InvoiceNumbers.InvoiceRef directC1 = new InvoiceNumbers.InvoiceRef(BillTo.DIRECT, "C1", december);

        Map<InvoiceNumbers.InvoiceRef, String> numbers = InvoiceNumbers.assign(
                List.of(resBc1, directC2, resAc3, directC1), "RIB", 10);

        // The period's year, even though December's invoices are issued in January.
        assertThat(numbers.keySet()).containsExactly(directC1, directC2, resAc3, resBc1);
        assertThat(numbers.values()).containsExactly("RIB-2025-000010", "RIB-2025-000011", "RIB-2025-000012",
                "RIB-2025-000013");
    }
}
