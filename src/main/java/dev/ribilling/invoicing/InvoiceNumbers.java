package dev.ribilling.invoicing;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Invoice numbers {@code <prefix>-<YYYY>-<6-digit sequence>} (contract section 4). The sequence is per
 * installation and stored by the caller; this class only formats numbers and fixes the order in which
 * invoices issued for the first time receive them: (bill-to party, CustomerId), direct sales first.
 */
public final class InvoiceNumbers {

    public static final long MAX_SEQUENCE = 999_999;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]{0,15}");

    /** Order of first issue: bill-to party, then CustomerId (plain string order, so it is reproducible). */
    public static final Comparator<InvoiceRef> ISSUE_ORDER = Comparator.comparing(InvoiceRef::billTo)
            .thenComparing(InvoiceRef::customerId);

    private InvoiceNumbers() {
    }

    /**
     * @param year the year of the invoice's billing period (an invoice for December is numbered in that
     *        year even when issued in January, so a period's invoices share one YYYY)
     */
    public static String format(String prefix, int year, long sequence) {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            // The number becomes a file name; a dash in the prefix would also make it ambiguous to parse.
            throw new IllegalArgumentException("invoice prefix must be 1-16 letters, digits or _: " + prefix);
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits: " + year);
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence must be 1.." + MAX_SEQUENCE + ": " + sequence);
        }
        return String.format("%s-%04d-%06d", prefix, year, sequence);
    }

    /**
     * Gives each invoice that has no number yet the next sequence, in {@link #ISSUE_ORDER}.
     *
     * @param unnumbered invoices issued for the first time in this run (already numbered ones keep theirs)
     * @param nextSequence the first free sequence of the installation
     * @return number per invoice, in issue order
     */
    public static Map<InvoiceRef, String> assign(List<InvoiceRef> unnumbered, String prefix, long nextSequence) {
        List<InvoiceRef> ordered = new ArrayList<>(unnumbered);
        ordered.sort(ISSUE_ORDER);
        Map<InvoiceRef, String> numbers = new LinkedHashMap<>();
        long sequence = nextSequence;
        for (InvoiceRef ref : ordered) {
            if (numbers.containsKey(ref)) {
                throw new IllegalArgumentException("invoice listed twice: " + ref);
            }
            numbers.put(ref, format(prefix, ref.period().getYear(), sequence++));
        }
        return numbers;
    }

    /** Identifies an invoice across revisions: one per customer, month and bill-to party. */
    public record InvoiceRef(BillTo billTo, String customerId, YearMonth period) {

        public InvoiceRef {
            Objects.requireNonNull(billTo, "billTo");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(period, "period");
        }

        public static InvoiceRef of(Invoice invoice) {
            return new InvoiceRef(invoice.billTo(), invoice.customerId(), invoice.period());
        }
    }
}
