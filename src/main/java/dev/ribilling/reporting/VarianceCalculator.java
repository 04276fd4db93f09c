package dev.ribilling.reporting;

import dev.ribilling.ingest.PartnerInvoiceRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares Microsoft's partner-invoice rows with our reservation lines of a month (contract section 5, Variance).
 *
 * <p>Rows pair up by ReservationOrderId and {@link ChargeCategory}; when one key has several rows on a side (two
 * instalments in a month after a correction, say), they pair in date order and the extras are missing on the
 * other side. A Microsoft row is a refund when its ChargeType is on the refund allow-list or its Subtotal is
 * negative, whatever the ChargeType says (domain.md Q5).
 *
 * <p>Expected = ROUNDDOWN(our line before markup × PCToBCExchangeRate, 2). ROUNDDOWN is Excel's, which rounds
 * toward zero, so a refund of −10.239 expects −10.23, not −10.24: the refund mirrors the purchase it returns to the
 * cent, and it is the reading of Microsoft's formula as it is written in its reconciliation documentation.
 */
public final class VarianceCalculator {

    /** Refund ChargeTypes seen in Partner Center files or reported by third parties (domain.md Q5). */
    public static final Set<String> DEFAULT_REFUND_CHARGE_TYPES =
            Set.of("cancelimmediate", "cancel", "onetimerefund", "refund");

    private static final int SUBTOTAL_DECIMALS = 2;

    private final VarianceTolerance tolerance;
    private final Set<String> refundChargeTypes;

    public VarianceCalculator(VarianceTolerance tolerance, Set<String> refundChargeTypes) {
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.refundChargeTypes = refundChargeTypes.stream().map(VarianceCalculator::normalized)
                .collect(Collectors.toUnmodifiableSet());
    }

    public VarianceCalculator(VarianceTolerance tolerance) {
        this(tolerance, DEFAULT_REFUND_CHARGE_TYPES);
    }

    /**
     * The Variance rows of a period: Microsoft rows with ChargeStartDate in the period and our lines with their
     * charge date in it, sorted by customer, order, category and date.
     */
    public List<VarianceRow> compare(YearMonth period, Iterable<PartnerInvoiceRow> microsoftRows,
            Iterable<ReservationLine> ourLines) {
        Map<Key, Sides> byKey = new TreeMap<>();
        for (PartnerInvoiceRow row : microsoftRows) {
            if (YearMonth.from(row.chargeStartDate()).equals(period)) {
                byKey.computeIfAbsent(new Key(row.reservationOrderId(), categoryOf(row)), k -> new Sides()).microsoft.add(row);
            }
        }
        for (ReservationLine line : ourLines) {
            if (YearMonth.from(line.chargeDate()).equals(period)) {
                byKey.computeIfAbsent(new Key(line.reservationOrderId(), line.category()), k -> new Sides()).ours.add(line);
            }
        }
        List<VarianceRow> result = new ArrayList<>();
        byKey.forEach((key, sides) -> pair(key.category(), sides, result));
        result.sort(Comparator.comparing((VarianceRow r) -> Objects.toString(r.customerId(), ""))
                .thenComparing(r -> normalized(r.reservationOrderId()))
                .thenComparing(VarianceRow::category)
                .thenComparing(r -> r.chargeStartDate() != null ? r.chargeStartDate() : r.ourChargeDate()));
        return result;
    }

    ChargeCategory categoryOf(PartnerInvoiceRow row) {
        boolean refund = refundChargeTypes.contains(normalized(row.chargeType()))
                || (row.subtotal() != null && row.subtotal().signum() < 0);
        return refund ? ChargeCategory.REFUND : ChargeCategory.CHARGE;
    }

    /** Excel's ROUNDDOWN to 2 decimals: toward zero for positive and negative amounts alike. */
    public static BigDecimal roundDown(BigDecimal amount) {
        return amount.setScale(SUBTOTAL_DECIMALS, RoundingMode.DOWN);
    }

    private void pair(ChargeCategory category, Sides sides, List<VarianceRow> out) {
        sides.microsoft.sort(Comparator.comparing(PartnerInvoiceRow::chargeStartDate)
                .thenComparing(PartnerInvoiceRow::invoiceNumber));
        sides.ours.sort(Comparator.comparing(ReservationLine::chargeDate)
                .thenComparing(line -> Objects.toString(line.reservationId(), "")));
        int pairs = Math.max(sides.microsoft.size(), sides.ours.size());
        for (int i = 0; i < pairs; i++) {
            PartnerInvoiceRow microsoft = i < sides.microsoft.size() ? sides.microsoft.get(i) : null;
            ReservationLine ours = i < sides.ours.size() ? sides.ours.get(i) : null;
            out.add(microsoft == null ? missingMicrosoft(category, ours)
                    : ours == null ? missingOurs(category, microsoft)
                    : compared(category, microsoft, ours));
        }
    }

    private VarianceRow compared(ChargeCategory category, PartnerInvoiceRow microsoft, ReservationLine ours) {
        Currency pricing = microsoft.pricingCurrency();
        Currency billing = billingCurrency(microsoft);
        BigDecimal rate = exchangeRate(microsoft);
        BigDecimal allowed = tolerance.allowedFor(microsoft.quantity());
        BigDecimal ourAmount = ours.amountBeforeMarkup().amount();
        String problem = !ours.amountBeforeMarkup().currency().equals(pricing)
                ? "our line is in " + ours.amountBeforeMarkup().currency().getCurrencyCode() + ", Microsoft's in " + pricing
                : rate == null ? "no PCToBCExchangeRate for " + pricing + " to " + billing : null;
        if (problem != null) {
            return row(VarianceStatus.NOT_COMPARABLE, category, microsoft, ours, rate, null, null, allowed, problem);
        }
        BigDecimal expected = roundDown(ourAmount.multiply(rate));
        BigDecimal difference = microsoft.subtotal().subtract(expected);
        boolean within = difference.abs().compareTo(allowed) <= 0;
        return row(within ? VarianceStatus.MATCHED : VarianceStatus.DIFFERENCE, category, microsoft, ours, rate,
                expected, difference, allowed, null);
    }

    private VarianceRow missingOurs(ChargeCategory category, PartnerInvoiceRow microsoft) {
        return row(VarianceStatus.MISSING_OURS, category, microsoft, null, exchangeRate(microsoft), null, null,
                tolerance.allowedFor(microsoft.quantity()), "no reservation line of ours for this order and charge type");
    }

    private VarianceRow missingMicrosoft(ChargeCategory category, ReservationLine ours) {
        return row(VarianceStatus.MISSING_MICROSOFT, category, null, ours, null, null, null, null,
                "not on Microsoft's partner invoice for this period");
    }

    private static VarianceRow row(VarianceStatus status, ChargeCategory category, PartnerInvoiceRow microsoft,
            ReservationLine ours, BigDecimal rate, BigDecimal expected, BigDecimal difference, BigDecimal allowed,
            String note) {
        boolean hasMicrosoft = microsoft != null;
        return new VarianceRow(status,
                hasMicrosoft ? microsoft.customerId() : ours.customerId(),
                hasMicrosoft ? microsoft.reservationOrderId() : ours.reservationOrderId(),
                ours == null ? null : ours.reservationId(),
                category,
                hasMicrosoft ? microsoft.chargeType() : null,
                ours == null ? null : ours.type(),
                hasMicrosoft ? microsoft.invoiceNumber() : null,
                hasMicrosoft ? microsoft.chargeStartDate() : null,
                ours == null ? null : ours.chargeDate(),
                hasMicrosoft ? microsoft.quantity() : null,
                hasMicrosoft ? microsoft.pricingCurrency() : ours.amountBeforeMarkup().currency(),
                ours == null ? null : ours.amountBeforeMarkup().amount(),
                rate,
                hasMicrosoft ? billingCurrency(microsoft) : null,
                expected,
                hasMicrosoft ? microsoft.subtotal() : null,
                difference, allowed, note);
    }

    private static Currency billingCurrency(PartnerInvoiceRow row) {
        return row.currency() != null ? row.currency() : row.pricingCurrency();
    }

    /** PCToBCExchangeRate; an empty column means 1 only when no conversion is needed. */
    private static BigDecimal exchangeRate(PartnerInvoiceRow row) {
        if (row.pcToBcExchangeRate() != null) {
            return row.pcToBcExchangeRate();
        }
        return billingCurrency(row).equals(row.pricingCurrency()) ? BigDecimal.ONE : null;
    }

    /** ChargeTypes and order ids compare case- and whitespace-insensitively (domain.md Q14). */
    static String normalized(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private record Key(String order, ChargeCategory category) implements Comparable<Key> {
        Key {
            order = normalized(order);
        }

        @Override
        public int compareTo(Key other) {
            int byOrder = order.compareTo(other.order);
            return byOrder != 0 ? byOrder : category.compareTo(other.category);
        }
    }

    private static final class Sides {
        final List<PartnerInvoiceRow> microsoft = new ArrayList<>();
        final List<ReservationLine> ours = new ArrayList<>();
    }
}
