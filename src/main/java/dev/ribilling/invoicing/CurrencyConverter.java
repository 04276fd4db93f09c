package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * Contract section 4 conversion rule: a charge dated D uses the (From, To) row with the latest Date on
 * or before D and at most {@value #MAX_AGE_DAYS} days before D; if no such row exists but the reverse
 * pair has one, 1/Rate; never a cross rate; no rate at all when both currencies are the same.
 * A missing rate is returned as an empty Optional with {@link #missingReason} for the skip report.
 */
public final class CurrencyConverter {

    public static final int MAX_AGE_DAYS = dev.ribilling.billing.FxWindow.MAX_AGE_DAYS;

    private final FxRates rates;

    public CurrencyConverter(FxRates rates) {
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    /** The factor that turns an amount in {@code from} into {@code to}, or empty when the rule finds no rate. */
    public Optional<AppliedRate> rate(Currency from, Currency to, LocalDate chargeDate) {
        if (from.equals(to)) {
            return Optional.of(AppliedRate.identity(from));
        }
        // The direct pair is preferred even when the reverse row is more recent: the reverse is the
        // contract's fallback ("if only the reverse pair exists"), not an equal alternative.
        Optional<AppliedRate> direct = usable(rates.latestOnOrBefore(from, to, chargeDate), chargeDate)
                .map(row -> new AppliedRate(from, to, row.rate(), row.rate(), row.date(), false));
        if (direct.isPresent()) {
            return direct;
        }
        return usable(rates.latestOnOrBefore(to, from, chargeDate), chargeDate)
                .map(row -> new AppliedRate(from, to, BigDecimal.ONE.divide(row.rate(), Money.MATH), row.rate(),
                        row.date(), true));
    }

    public static String missingReason(Currency from, Currency to, LocalDate chargeDate) {
        return "no fx rate " + from.getCurrencyCode() + "->" + to.getCurrencyCode() + " for " + chargeDate
                + " (none on or within " + MAX_AGE_DAYS + " days before it, direct or reverse)";
    }

    private static Optional<FxRate> usable(Optional<FxRate> row, LocalDate chargeDate) {
        // floorEntry already guarantees "on or before"; the window check keeps stale rates out.
        return row.filter(r -> dev.ribilling.billing.FxWindow.usable(r.date(), chargeDate));
    }

    /**
     * A rate as applied to a charge, kept for the line's "how computed" text.
     *
     * @param factor multiply an amount in {@code from} by this to get {@code to}
     * @param rowRate the Rate of the fx row used, as published
     * @param rateDate the Date of the fx row used
     * @param inverted true when the factor is 1/Rate of the reverse pair
     */
    public record AppliedRate(Currency from, Currency to, BigDecimal factor, BigDecimal rowRate, LocalDate rateDate,
            boolean inverted) {

        static AppliedRate identity(Currency currency) {
            return new AppliedRate(currency, currency, BigDecimal.ONE, BigDecimal.ONE, null, false);
        }

        public boolean isIdentity() {
            return from.equals(to);
        }

        public BigDecimal apply(BigDecimal amount) {
            return isIdentity() ? amount : amount.multiply(factor, Money.MATH);
        }

        public String describe() {
            if (isIdentity()) {
                return "no conversion (" + from.getCurrencyCode() + ")";
            }
            String pair = from.getCurrencyCode() + "->" + to.getCurrencyCode();
            return inverted
                    ? pair + " 1/" + Percent.plain(rowRate) + " (reverse row of " + rateDate + ")"
                    : pair + " " + Percent.plain(rowRate) + " (row of " + rateDate + ")";
        }
    }
}
