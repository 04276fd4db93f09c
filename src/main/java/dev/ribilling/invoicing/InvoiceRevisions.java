package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Revision rule of contract section 4: revision N+1 holds every recomputed line at full amount plus one
 * Adjustment per line key whose rounded amount changed (new − previous; a vanished key gives −previous,
 * a new key +new). Its total is the new full total. No changed amount means no revision.
 */
public final class InvoiceRevisions {

    private InvoiceRevisions() {
    }

    /**
     * @param previous the lines of revision N (its Adjustment lines are ignored: they are deltas, not state)
     * @param recomputed the same invoice recomputed now (from {@link InvoiceAssembler}); empty when the
     *        bill-to party no longer has any line
     * @return the revision, or empty when no line's rounded amount changed
     */
    public static Optional<Revision> revise(Invoice previous, Invoice recomputed) {
        if (!previous.customerId().equals(recomputed.customerId()) || !previous.period().equals(recomputed.period())
                || !previous.billTo().equals(recomputed.billTo()) || !previous.currency().equals(recomputed.currency())) {
            throw new IllegalArgumentException("revisions compare the same customer, period, bill-to party and currency");
        }
        Map<LineKey, InvoiceLine> before = byKey(previous.lines());
        Map<LineKey, InvoiceLine> after = byKey(recomputed.lines());
        TreeSet<LineKey> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<InvoiceLine> adjustments = new ArrayList<>();
        for (LineKey key : keys) {
            BigDecimal old = amountOf(before.get(key));
            BigDecimal now = amountOf(after.get(key));
            if (old.compareTo(now) != 0) {
                adjustments.add(adjustment(key, old, now, recomputed));
            }
        }
        if (adjustments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Revision(recomputed, adjustments));
    }

    /** The same rule when revision N is at hand only as its stored lines (Adjustment lines among them are ignored). */
    public static Optional<Revision> revise(List<InvoiceLine> previousLines, Invoice recomputed) {
        List<InvoiceLine> full = previousLines.stream().filter(l -> !l.isAdjustment()).toList();
        return revise(new Invoice(recomputed.customerId(), recomputed.period(), recomputed.billTo(),
                recomputed.currency(), full), recomputed);
    }

    private static InvoiceLine adjustment(LineKey key, BigDecimal old, BigDecimal now, Invoice invoice) {
        // Both sides are already rounded to minor units, so the difference is exact; Money.round only fixes the scale.
        BigDecimal delta = Money.round(now.subtract(old, Money.MATH), invoice.currency());
        String what = key.type() + " " + (key.reservationId() != null ? key.reservationId() : key.subscriptionId())
                + " " + key.skuName() + " " + key.region() + (key.chargeDate() != null ? " " + key.chargeDate() : "");
        String description = "Adjustment of " + what + ": " + old.toPlainString() + " -> " + now.toPlainString();
        String detail = "new " + now.toPlainString() + " − previous " + old.toPlainString() + " = " + delta.toPlainString()
                + " " + invoice.currency().getCurrencyCode();
        return new InvoiceLine(InvoiceLineType.Adjustment, key, description, null, null,
                new Money(delta, invoice.currency()), detail);
    }

    private static Map<LineKey, InvoiceLine> byKey(List<InvoiceLine> lines) {
        Map<LineKey, InvoiceLine> map = new TreeMap<>();
        for (InvoiceLine line : lines) {
            if (line.isAdjustment()) {
                continue;
            }
            if (map.put(line.key(), line) != null) {
                throw new IllegalArgumentException("two lines share key " + line.key());
            }
        }
        return map;
    }

    private static BigDecimal amountOf(InvoiceLine line) {
        return line == null ? BigDecimal.ZERO : line.amount().amount();
    }

    /**
     * A new revision: the full recomputed invoice (its total is the new full total) and the Adjustment
     * lines for the note (a credit note when they sum below zero).
     */
    public record Revision(Invoice invoice, List<InvoiceLine> adjustments) {

        public Revision {
            adjustments = List.copyOf(adjustments);
        }

        public Money total() {
            return invoice.total();
        }

        public Money adjustmentTotal() {
            return adjustments.stream().map(InvoiceLine::amount).reduce(Money.zero(invoice.currency()), Money::plus);
        }

        public boolean isCreditNote() {
            return adjustmentTotal().amount().signum() < 0;
        }
    }
}
