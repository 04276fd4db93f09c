package dev.ribilling.pricing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * The conversion rule of contract section 4: for a charge dated D, the (From, To) row with the latest Date
 * on or before D and at most {@value #MAX_AGE_DAYS} days before D; when no such direct row exists, the reverse
 * pair's row under the same rule gives 1/Rate; no cross rates; same currency needs no rate.
 */
public final class FxConverter {

    public static final int MAX_AGE_DAYS = dev.ribilling.billing.FxWindow.MAX_AGE_DAYS;

    private final FxLookup rates;

    public FxConverter(FxLookup rates) {
        this.rates = rates;
    }

    /** Units of {@code to} per 1 {@code from} on {@code date}; empty when no usable rate exists. */
    public Optional<BigDecimal> rate(Currency from, Currency to, LocalDate date) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<FxRate> direct = recent(rates.latestOnOrBefore(from, to, date), date);
        if (direct.isPresent()) {
            return direct.map(FxRate::rate);
        }
        return recent(rates.latestOnOrBefore(to, from, date), date)
                .map(reverse -> BigDecimal.ONE.divide(reverse.rate(), Money.MATH));
    }

    public Optional<Money> convert(Money amount, Currency to, LocalDate date) {
        return rate(amount.currency(), to, date).map(rate -> new Money(amount.amount().multiply(rate, Money.MATH), to));
    }

    private static Optional<FxRate> recent(Optional<FxRate> rate, LocalDate date) {
        return rate.filter(r -> dev.ribilling.billing.FxWindow.usable(r.date(), date) && r.rate().signum() > 0);
    }
}
