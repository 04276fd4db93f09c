package dev.ribilling.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** One fx-rates row: {@code rate} units of {@code to} per 1 {@code from}, published for {@code date}. */
public record FxRate(LocalDate date, Currency from, Currency to, BigDecimal rate) {
}
