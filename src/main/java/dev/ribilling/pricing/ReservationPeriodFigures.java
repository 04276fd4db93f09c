package dev.ribilling.pricing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Currency;

/**
 * A reservation over a period (typically a month), summed from unrounded daily figures (contract section 5:
 * "monthly values come from unrounded daily values").
 *
 * @param paygEquivalent null when any day of the period has none (a missing price empties the month)
 */
public record ReservationPeriodFigures(String reservationId, LocalDate from, LocalDate to,
        BigDecimal capacityUnits, BigDecimal usedUnits, Money amortizedCost, Money paygEquivalent, Money savings) {

    /** Ratio of sums over the period; null without capacity. */
    public BigDecimal utilization() {
        return Utilization.of(usedUnits, capacityUnits);
    }

    /** Rolls up the days of {@code days} that fall in {@code month}. */
    public static ReservationPeriodFigures forMonth(String reservationId, YearMonth month, Currency currency,
            Collection<ReservationDayFigures> days) {
        return rollUp(reservationId, month.atDay(1), month.atEndOfMonth(), currency, days);
    }

    /** Rolls up the days of {@code days} with from ≤ date ≤ to (inclusive). */
    public static ReservationPeriodFigures rollUp(String reservationId, LocalDate from, LocalDate to,
            Currency currency, Collection<ReservationDayFigures> days) {
        BigDecimal capacity = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        Money amortized = Money.zero(currency);
        Money payg = Money.zero(currency);
        boolean paygKnown = true;
        for (ReservationDayFigures day : days) {
            if (!day.reservationId().equals(reservationId) || day.date().isBefore(from) || day.date().isAfter(to)) {
                continue;
            }
            capacity = capacity.add(day.capacityUnits());
            used = used.add(day.usedUnits());
            amortized = amortized.plus(day.amortizedCost());
            if (day.paygEquivalent() == null) {
                paygKnown = false;
            } else {
                payg = payg.plus(day.paygEquivalent());
            }
        }
        Money paygEquivalent = paygKnown ? payg : null;
        Money savings = paygKnown ? payg.minus(amortized) : null;
        return new ReservationPeriodFigures(reservationId, from, to, capacity, used, amortized, paygEquivalent, savings);
    }
}
