package dev.ribilling.invoicing;

import java.util.Comparator;

/**
 * The party an invoice is addressed to: a reseller (its ResellerId), or the partner itself when the
 * sale was direct ({@link #DIRECT}, a null resellerId). Direct sorts first, which fixes the
 * (bill-to party, CustomerId) order used to assign invoice numbers.
 */
public record BillTo(String resellerId) implements Comparable<BillTo> {

    public static final BillTo DIRECT = new BillTo(null);

    private static final Comparator<BillTo> ORDER =
            Comparator.comparing(BillTo::resellerId, Comparator.nullsFirst(Comparator.naturalOrder()));

    public BillTo {
        // A blank ResellerId in the input files means "sold directly", so it must not form its own party.
        if (resellerId != null) {
            resellerId = resellerId.trim();
            if (resellerId.isEmpty()) {
                resellerId = null;
            }
        }
    }

    public static BillTo of(String resellerIdOrBlank) {
        return new BillTo(resellerIdOrBlank);
    }

    public boolean isDirect() {
        return resellerId == null;
    }

    /** The CSV ResellerId cell: empty when direct. */
    public String csvValue() {
        return resellerId == null ? "" : resellerId;
    }

    @Override
    public int compareTo(BillTo other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return isDirect() ? "direct" : resellerId;
    }
}
