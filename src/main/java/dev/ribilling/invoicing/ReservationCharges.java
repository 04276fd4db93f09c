package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reservation charges of one billing month (contract section 4 table): ReservationPurchase,
 * ReservationInstalment and ReservationRefund, in the reservation's PricingCurrency, unrounded.
 */
public final class ReservationCharges {

    private final ReservationPriceLookup prices;
    private final BigDecimal earlyTerminationFeePct;

    /**
     * @param earlyTerminationFeePct fee f in percent on upfront cancellations (default 0, domain Q3);
     *        never applied to exchanges
     */
    public ReservationCharges(ReservationPriceLookup prices, BigDecimal earlyTerminationFeePct) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.earlyTerminationFeePct = Objects.requireNonNull(earlyTerminationFeePct, "earlyTerminationFeePct");
    }

    public ReservationCharges(ReservationPriceLookup prices) {
        this(prices, BigDecimal.ZERO);
    }

    /** Every reservation charge of {@code r} that falls in {@code month}, in charge-date order. */
    public List<ReservationCharge> forMonth(ReservationTerms r, YearMonth month) {
        List<ReservationCharge> charges = new ArrayList<>();
        if (r.billingPlan() == BillingPlan.UPFRONT) {
            if (YearMonth.from(r.startDate()).equals(month)) {
                charges.add(purchase(r));
            }
        } else {
            charges.addAll(instalments(r, month));
        }
        if (r.isCancelled() && YearMonth.from(r.cancellationDate()).equals(month)) {
            charges.add(refund(r));
        }
        return charges;
    }

    private ReservationCharge purchase(ReservationTerms r) {
        BigDecimal markup = Percent.markupFactor(r.markupPct());
        BigDecimal amount = r.totalPrice().multiply(markup, Money.MATH);
        String detail = "TotalPrice " + plain(r.totalPrice()) + " " + code(r) + " × (1 + " + plain(r.markupPct())
                + "/100) = " + plain(amount);
        return new ReservationCharge(InvoiceLineType.ReservationPurchase, r, r.startDate(),
                new Money(amount, r.pricingCurrency()), "Reservation purchase, " + what(r) + ", upfront", detail);
    }

    private List<ReservationCharge> instalments(ReservationTerms r, YearMonth month) {
        List<ReservationCharge> charges = new ArrayList<>();
        BigDecimal markup = Percent.markupFactor(r.markupPct());
        BigDecimal amount = r.instalmentAmount().multiply(markup, Money.MATH);
        int months = r.term().months();
        for (int n = 0; n < months; n++) {
            LocalDate date = r.instalmentDate(n);
            if (!YearMonth.from(date).equals(month) || !chargedBeforeCancellation(r, date)) {
                continue;
            }
            String detail = "instalment " + (n + 1) + " of " + months + " on startDate " + r.startDate() + " + " + n
                    + " months = " + date + "; TotalPrice " + plain(r.totalPrice()) + " " + code(r) + " ÷ " + months
                    + " × (1 + " + plain(r.markupPct()) + "/100) = " + plain(amount);
            charges.add(new ReservationCharge(InvoiceLineType.ReservationInstalment, r, date,
                    new Money(amount, r.pricingCurrency()),
                    "Reservation instalment " + (n + 1) + " of " + months + ", " + what(r), detail));
        }
        return charges;
    }

    private ReservationCharge refund(ReservationTerms r) {
        LocalDate cancelled = r.cancellationDate();
        BigDecimal markup = Percent.markupFactor(r.markupPct());
        String kind = r.isExchange() ? "exchange" : "cancellation";
        if (r.billingPlan() == BillingPlan.UPFRONT) {
            Commitment base = remainingCommitment(r);
            // The fee is a penalty for walking away; exchanges keep the money with Microsoft, so never charged.
            BigDecimal fee = r.isExchange() ? BigDecimal.ZERO : earlyTerminationFeePct;
            BigDecimal amount = base.amount().amount().multiply(Percent.feeFactor(fee), Money.MATH)
                    .multiply(markup, Money.MATH).negate();
            String detail = "− " + base.detail() + " × (1 − " + plain(fee) + "/100) × (1 + " + plain(r.markupPct())
                    + "/100) = " + plain(amount);
            return new ReservationCharge(InvoiceLineType.ReservationRefund, r, cancelled,
                    new Money(amount, r.pricingCurrency()), "Reservation refund (" + kind + " " + cancelled + "), "
                    + what(r) + ", " + remainingDays(r) + " of " + r.termDays() + " days remaining", detail);
        }
        CurrentInstalment current = currentInstalment(r);
        BigDecimal amount = current.unusedAmount().multiply(markup, Money.MATH).negate();
        String detail = "− " + current.detail() + " × (1 + " + plain(r.markupPct()) + "/100) = " + plain(amount);
        return new ReservationCharge(InvoiceLineType.ReservationRefund, r, cancelled,
                new Money(amount, r.pricingCurrency()), "Reservation refund (" + kind + " " + cancelled
                + "), unused part of the current instalment, " + what(r), detail);
    }

    /**
     * Remaining commitment on the cancellation date, before fee and markup (exchange check, refund cap).
     * Upfront: min(TotalPrice, currentPrice) × remainingDays ÷ termDays. Monthly: the instalments not yet
     * charged plus the unused part of the current one.
     */
    public Commitment remainingCommitment(ReservationTerms r) {
        if (!r.isCancelled()) {
            throw new IllegalArgumentException("reservation " + r.reservationId() + " has no CancelledAt");
        }
        if (r.billingPlan() == BillingPlan.UPFRONT) {
            return upfrontCommitment(r);
        }
        CurrentInstalment current = currentInstalment(r);
        int unpaid = 0;
        for (int n = 0; n < r.term().months(); n++) {
            if (!chargedBeforeCancellation(r, r.instalmentDate(n))) {
                unpaid++;
            }
        }
        BigDecimal future = r.instalmentAmount().multiply(BigDecimal.valueOf(unpaid), Money.MATH);
        BigDecimal amount = future.add(current.unusedAmount(), Money.MATH);
        String detail = unpaid + " unpaid instalments × " + plain(r.instalmentAmount()) + " + " + current.detail()
                + " = " + plain(amount) + " " + code(r);
        return new Commitment(new Money(amount, r.pricingCurrency()), detail);
    }

    private Commitment upfrontCommitment(ReservationTerms r) {
        LocalDate cancelled = r.cancellationDate();
        // The contract: the price sheet's Reservation price on the cancellation date × Quantity, else TotalPrice.
        var sheet = prices.instancePrice(r.sku(), r.region(), r.term(), cancelled, r.pricingCurrency())
                .map(p -> p.multiply(BigDecimal.valueOf(r.quantity()), Money.MATH));
        BigDecimal current = sheet.orElse(r.totalPrice());
        String currentText = sheet.map(p -> plain(p)).orElse(plain(current) + " (no price on " + cancelled + ")");
        BigDecimal basis = r.totalPrice().min(current);
        long remaining = remainingDays(r);
        BigDecimal amount = basis.multiply(BigDecimal.valueOf(remaining), Money.MATH)
                .divide(BigDecimal.valueOf(r.termDays()), Money.MATH);
        String detail = "min(TotalPrice " + plain(r.totalPrice()) + ", currentPrice " + currentText + ") "
                + code(r) + " × " + remaining + " remaining days (" + r.termEnd() + " − " + cancelled + ") ÷ "
                + r.termDays() + " termDays";
        return new Commitment(new Money(amount, r.pricingCurrency()), detail);
    }

    /** termEnd − cancellation date, kept within 0..termDays so a late or early CancelledAt cannot over-refund. */
    private static long remainingDays(ReservationTerms r) {
        long days = ChronoUnit.DAYS.between(r.cancellationDate(), r.termEnd());
        return Math.max(0, Math.min(days, r.termDays()));
    }

    /** An instalment is charged only when it falls strictly before the cancellation date (if any). */
    private static boolean chargedBeforeCancellation(ReservationTerms r, LocalDate instalmentDate) {
        return !r.isCancelled() || instalmentDate.isBefore(r.cancellationDate());
    }

    /**
     * The last instalment charged before the cancellation and the unused part of its period, prorated by
     * days: instalment × (next instalment date − cancellation date) ÷ (next instalment date − its date).
     * No instalment charged yet (cancelled on the start date) means nothing to give back.
     */
    private CurrentInstalment currentInstalment(ReservationTerms r) {
        LocalDate cancelled = r.cancellationDate();
        int months = r.term().months();
        int current = -1;
        for (int n = 0; n < months && r.instalmentDate(n).isBefore(cancelled); n++) {
            current = n;
        }
        if (current < 0) {
            return new CurrentInstalment(BigDecimal.ZERO, "no instalment charged before " + cancelled);
        }
        LocalDate date = r.instalmentDate(current);
        // After the last instalment the "next" date is startDate + 12 × years months, the end of its period.
        LocalDate next = r.instalmentDate(current + 1);
        long unused = Math.max(0, ChronoUnit.DAYS.between(cancelled, next));
        long period = ChronoUnit.DAYS.between(date, next);
        BigDecimal amount = r.instalmentAmount().multiply(BigDecimal.valueOf(unused), Money.MATH)
                .divide(BigDecimal.valueOf(period), Money.MATH);
        String detail = "instalment " + (current + 1) + " (" + plain(r.instalmentAmount()) + " " + code(r) + ") × " + unused
                + " days (" + next + " − " + cancelled + ") ÷ " + period + " days (" + next + " − " + date + ")";
        return new CurrentInstalment(amount, detail);
    }

    private record CurrentInstalment(BigDecimal unusedAmount, String detail) {
    }

    private static String what(ReservationTerms r) {
        return String.format(Locale.ROOT, "%d × %s %s, %s", r.quantity(), r.sku(), r.region(), r.term());
    }

    private static String code(ReservationTerms r) {
        return r.pricingCurrency().getCurrencyCode();
    }

    private static String plain(BigDecimal value) {
        return Percent.plain(value);
    }
}
