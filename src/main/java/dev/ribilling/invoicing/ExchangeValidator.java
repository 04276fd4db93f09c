package dev.ribilling.invoicing;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Exchange rules of contract section 4, as a pure check returning the reasons a reservation is rejected
 * (an empty list means valid). Ingest calls it before loading; invoicing assumes valid inputs.
 */
public final class ExchangeValidator {

    public static final String BELOW_REMAINING_COMMITMENT = "exchange below remaining commitment";
    public static final Duration MAX_START_GAP = Duration.ofMinutes(1);

    private final ReservationCharges charges;
    private final CurrencyConverter converter;

    /** {@code converter} is needed only when the two reservations are priced in different currencies. */
    public ExchangeValidator(ReservationCharges charges, CurrencyConverter converter) {
        this.charges = Objects.requireNonNull(charges, "charges");
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    /** A reservation with status Exchanged (the returned one) must say when it was returned. */
    public List<String> validateReturned(ReservationTerms returned) {
        if (returned.isExchange() && returned.cancelledAt() == null) {
            return List.of("exchanged reservation " + returned.reservationId() + " has no CancelledAt");
        }
        return List.of();
    }

    /**
     * Checks a reservation that names another in ExchangedFrom; one without ExchangedFrom is a plain
     * purchase and always valid here.
     *
     * @param reservations finds a loaded reservation by ReservationId
     */
    public List<String> validateNew(ReservationTerms bought, Function<String, Optional<ReservationTerms>> reservations) {
        if (bought.exchangedFrom() == null || bought.exchangedFrom().isBlank()) {
            return List.of();
        }
        Optional<ReservationTerms> found = reservations.apply(bought.exchangedFrom().trim());
        if (found.isEmpty()) {
            return List.of("ExchangedFrom names unknown reservation " + bought.exchangedFrom());
        }
        ReservationTerms returned = found.get();
        List<String> reasons = new ArrayList<>();
        if (!returned.isExchange()) {
            reasons.add("ExchangedFrom " + returned.reservationId() + " has status " + returned.status()
                    + ", not EXCHANGED");
        }
        if (returned.cancelledAt() == null) {
            reasons.add("exchanged reservation " + returned.reservationId() + " has no CancelledAt");
            return reasons;
        }
        if (!returned.customerId().equals(bought.customerId())) {
            // Not written in the contract; an exchange is one customer's transaction (refund netted on one invoice).
            reasons.add("exchange across customers (" + returned.customerId() + " -> " + bought.customerId() + ")");
        }
        Duration gap = Duration.between(returned.cancelledAt(), bought.benefitStart()).abs();
        if (gap.compareTo(MAX_START_GAP) > 0) {
            reasons.add("exchange starts " + bought.benefitStart() + ", not within one minute of CancelledAt "
                    + returned.cancelledAt() + " of " + returned.reservationId());
        }
        if (!YearMonth.from(bought.startDate()).equals(YearMonth.from(returned.cancellationDate()))) {
            reasons.add("exchange purchase " + bought.startDate() + " not in the month of the refund "
                    + returned.cancellationDate());
        }
        commitmentShortfall(bought, returned).ifPresent(reasons::add);
        return reasons;
    }

    private Optional<String> commitmentShortfall(ReservationTerms bought, ReservationTerms returned) {
        Commitment remaining = charges.remainingCommitment(returned);
        // Compare in the new reservation's currency at the cancellation date's rate (the exchange date).
        Optional<CurrencyConverter.AppliedRate> rate = converter.rate(returned.pricingCurrency(),
                bought.pricingCurrency(), returned.cancellationDate());
        if (rate.isEmpty()) {
            return Optional.of("cannot check exchange commitment: " + CurrencyConverter.missingReason(
                    returned.pricingCurrency(), bought.pricingCurrency(), returned.cancellationDate()));
        }
        var needed = rate.get().apply(remaining.amount().amount());
        if (bought.totalPrice().compareTo(needed) < 0) {
            return Optional.of(BELOW_REMAINING_COMMITMENT + " (TotalPrice " + Percent.plain(bought.totalPrice()) + " "
                    + bought.pricingCurrency().getCurrencyCode() + " < " + remaining.detail() + " = "
                    + Percent.plain(needed) + ")");
        }
        return Optional.empty();
    }
}
