package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Objects;

/**
 * A reservation as invoicing sees it: the loaded record plus the two values frozen at first load
 * (partner of record and reservation markup). All dates are UTC (contract section 3).
 *
 * @param quantity number of instances; TotalPrice is the lifetime price of all of them
 * @param expiry exclusive end of the benefit; null means BenefitStart + Term
 * @param cancelledAt set for a cancellation or an exchange (the returned reservation)
 * @param exchangedFrom the ReservationId this one was bought in exchange for, or null
 * @param partnerOfRecord the ResellerId frozen at purchase; {@link BillTo#DIRECT} when sold directly
 * @param markupPct the customer's ReservationMarkupPct when this reservation was first loaded
 */
public record ReservationTerms(String reservationId, String reservationOrderId, String customerId, String sku,
        String region, int quantity, Term term, BillingPlan billingPlan, Instant benefitStart, Instant expiry,
        BigDecimal totalPrice, Currency pricingCurrency, ReservationStatus status, Instant cancelledAt,
        String exchangedFrom, BillTo partnerOfRecord, BigDecimal markupPct) {

    public ReservationTerms {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(billingPlan, "billingPlan");
        Objects.requireNonNull(benefitStart, "benefitStart");
        Objects.requireNonNull(totalPrice, "totalPrice");
        Objects.requireNonNull(pricingCurrency, "pricingCurrency");
        Objects.requireNonNull(markupPct, "markupPct");
        status = status == null ? ReservationStatus.ACTIVE : status;
        partnerOfRecord = partnerOfRecord == null ? BillTo.DIRECT : partnerOfRecord;
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        // The contract's default Expiry; computed on the UTC calendar so 29 February terms come out right.
        if (expiry == null) {
            expiry = benefitStart.atZone(ZoneOffset.UTC).plusYears(term.years()).toInstant();
        }
    }

    /** UTC date of BenefitStart. */
    public LocalDate startDate() {
        return utcDate(benefitStart);
    }

    /** UTC date of Expiry (exclusive end of the term for refunds). */
    public LocalDate termEnd() {
        return utcDate(expiry);
    }

    /** termEnd − startDate in calendar days: 365 or 366 a year as the calendar falls. */
    public long termDays() {
        return ChronoUnit.DAYS.between(startDate(), termEnd());
    }

    /** UTC date of CancelledAt, or null while the reservation is not cancelled or exchanged. */
    public LocalDate cancellationDate() {
        return cancelledAt == null ? null : utcDate(cancelledAt);
    }

    /**
     * A CancelledAt makes a refund, whatever the status says: an Active row with a cancellation time is
     * treated as cancelled, since the time is the stronger evidence. Only Exchanged rows are exchanges.
     */
    public boolean isCancelled() {
        return cancelledAt != null;
    }

    public boolean isExchange() {
        return status == ReservationStatus.EXCHANGED;
    }

    /** Instalment n (0-based) of a monthly plan: startDate + n months, clamped to the month's last day. */
    public LocalDate instalmentDate(int n) {
        // Always counted from startDate, never from the previous instalment: Jan 31 → Feb 28 → Mar 31.
        return startDate().plusMonths(n);
    }

    /** TotalPrice ÷ (12 × years), at full precision. */
    public BigDecimal instalmentAmount() {
        return totalPrice.divide(BigDecimal.valueOf(term.months()), Money.MATH);
    }

    private static LocalDate utcDate(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
