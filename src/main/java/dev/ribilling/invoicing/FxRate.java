package dev.ribilling.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/** One fx-rates row: {@code rate} units of {@code to} per 1 {@code from}, published for {@code date}. */
public record FxRate(LocalDate date, Currency from, Currency to, BigDecimal rate) {

    public FxRate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("fx rate must be positive: " + rate);
        }
    }
}
