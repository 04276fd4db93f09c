package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The invoice CSV line model of contract section 4, as cells ready for an RFC 4180 writer (quoting is
 * the writer's job; formula injection is handled here). Numeric columns (Revision, Quantity, UnitPrice,
 * Amount) are plain decimals such as {@code -12.50}; every other cell is text and gets a leading
 * {@code '} when it begins with {@code = + - @}, tab or carriage return, so no spreadsheet runs it.
 */
public final class InvoiceCsv {

    public static final List<String> HEADER = List.of("InvoiceNumber", "Revision", "CustomerId", "ResellerId", "Period",
            "LineType", "Description", "ReservationId", "SubscriptionId", "SkuName", "Region", "Quantity", "Unit",
            "UnitPrice", "Amount", "Currency");

    /**
     * UnitPrice of an aggregated line is Amount ÷ Quantity, informational only (never summed or billed),
     * so it is shown to a fixed number of decimals rather than the currency's minor units.
     */
    public static final int UNIT_PRICE_DECIMALS = 6;

    /** Lines by key, and an Adjustment right after a line of the same key if both are ever listed together. */
    private static final Comparator<InvoiceLine> ROW_ORDER = Comparator.comparing(InvoiceLine::key)
            .thenComparing(InvoiceLine::type);

    private InvoiceCsv() {
    }

    public static String[] header() {
        return HEADER.toArray(String[]::new);
    }

    /** The rows (no header) of a first issue's file: its full lines. */
    public static List<String[]> rows(Invoice invoice, String invoiceNumber, int revision) {
        return rows(invoice, invoice.lines(), invoiceNumber, revision);
    }

    /**
     * The rows (no header) of a revision's main file (contract section 4: "Revision N+1 holds every recomputed line
     * at full amount plus one Adjustment per key whose rounded amount changed; its total is the new full total"):
     * the full lines, each Adjustment right after the line of its key. The Adjustments are also the note's rows.
     */
    public static List<String[]> revisionRows(Invoice invoice, List<InvoiceLine> adjustments, String invoiceNumber,
            int revision) {
        List<InvoiceLine> lines = new ArrayList<>(invoice.lines());
        lines.addAll(adjustments);
        return rows(invoice, lines, invoiceNumber, revision);
    }

    /** The rows (no header) of a revision note: its Adjustment lines. */
    public static List<String[]> noteRows(InvoiceRevisions.Revision revision, String invoiceNumber, int revisionNumber) {
        return rows(revision.invoice(), revision.adjustments(), invoiceNumber, revisionNumber);
    }

    /**
     * @param invoice supplies CustomerId, bill-to party, period and currency
     * @param lines the lines to print, in a stable order whatever order they come in
     */
    public static List<String[]> rows(Invoice invoice, List<InvoiceLine> lines, String invoiceNumber, int revision) {
        List<String[]> rows = new ArrayList<>();
        for (InvoiceLine line : lines.stream().sorted(ROW_ORDER).toList()) {
            LineKey key = line.key();
            rows.add(new String[] {
                text(invoiceNumber),
                Integer.toString(revision),
                text(invoice.customerId()),
                text(invoice.billTo().csvValue()),
                text(invoice.period().toString()),
                text(line.type().name()),
                text(line.description()),
                text(key.reservationId()),
                text(key.subscriptionId()),
                text(key.skuName()),
                text(key.region()),
                quantity(line.quantity()),
                text(line.unit()),
                unitPrice(line),
                amount(line.amount()),
                text(invoice.currency().getCurrencyCode())
            });
        }
        return rows;
    }

    /** The formula-injection rule for every non-numeric cell of every CSV the product writes. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky ? "'" + value : value;
    }

    /** Amounts keep their minor units: -12.50, 1234 for JPY. */
    public static String amount(Money rounded) {
        return rounded.amount().setScale(Money.minorUnits(rounded.currency())).toPlainString();
    }

    private static String quantity(BigDecimal quantity) {
        return quantity == null ? "" : plain(quantity);
    }

    private static String unitPrice(InvoiceLine line) {
        if (line.quantity() == null || line.quantity().signum() == 0) {
            return "";
        }
        BigDecimal price = line.amount().amount().divide(line.quantity(), Money.MATH);
        return plain(price.setScale(UNIT_PRICE_DECIMALS, RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
