package dev.ribilling.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The calendar of a reservation (contract section 3, "Dates of a reservation"), all in UTC.
 *
 * @param startDate UTC date of BenefitStart
 * @param termEnd   UTC date of Expiry (default BenefitStart + Term)
 * @param termDays  termEnd − startDate in calendar days: 365 or 366 a year, as the calendar falls
 * @param endDate   UTC date of the earlier of Expiry and CancelledAt; amortization stops before it
 */
public record ReservationDates(LocalDate startDate, LocalDate termEnd, long termDays, LocalDate endDate) {

    public ReservationDates {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(termEnd, "termEnd");
        Objects.requireNonNull(endDate, "endDate");
        if (termDays <= 0) {
            throw new IllegalArgumentException("a reservation term needs at least one day: " + startDate + " to " + termEnd);
        }
    }

    /**
     * @param expiry      Expiry from the reservation file, or null for the default BenefitStart + term
     * @param term        the Term (P1Y or P3Y), used only when expiry is null
     * @param cancelledAt CancelledAt, or null
     */
    public static ReservationDates of(Instant benefitStart, Instant expiry, Period term, Instant cancelledAt) {
        Objects.requireNonNull(benefitStart, "benefitStart");
        Instant effectiveExpiry = expiry != null ? expiry : defaultExpiry(benefitStart, term);
        Instant end = cancelledAt != null && cancelledAt.isBefore(effectiveExpiry) ? cancelledAt : effectiveExpiry;
        LocalDate startDate = utcDate(benefitStart);
        LocalDate termEnd = utcDate(effectiveExpiry);
        return new ReservationDates(startDate, termEnd, ChronoUnit.DAYS.between(startDate, termEnd), utcDate(end));
    }

    /** BenefitStart + Term on the UTC calendar (29 February plus one year is 28 February). */
    public static Instant defaultExpiry(Instant benefitStart, Period term) {
        Objects.requireNonNull(term, "term is needed when Expiry is missing");
        return benefitStart.atZone(ZoneOffset.UTC).plus(term).toInstant();
    }

    /** Whether the date carries amortized cost: startDate ≤ date < endDate. */
    public boolean isAmortizedOn(LocalDate date) {
        return !date.isBefore(startDate) && date.isBefore(endDate);
    }

    private static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
