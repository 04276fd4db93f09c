package dev.ribilling.pricing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Amortized cost (contract section 3): TotalPrice ÷ termDays on every date from startDate (a full day even
 * when BenefitStart is 13:00) up to, not including, endDate (the cancellation day has no amortized cost).
 * Unrounded; rounding happens once, on output.
 */
public final class Amortization {

    private Amortization() {
    }

    public static Money dailyCost(Money totalPrice, ReservationDates dates) {
        return totalPrice.dividedBy(BigDecimal.valueOf(dates.termDays()));
    }

    public static Money costOn(Money totalPrice, ReservationDates dates, LocalDate date) {
        return dates.isAmortizedOn(date) ? dailyCost(totalPrice, dates) : Money.zero(totalPrice.currency());
    }
}
