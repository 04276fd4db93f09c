package dev.ribilling.invoicing;

import static dev.ribilling.invoicing.Fixtures.EUR;
import static dev.ribilling.invoicing.Fixtures.USD;
import static dev.ribilling.invoicing.Fixtures.date;
import static dev.ribilling.invoicing.Fixtures.dec;
import static dev.ribilling.invoicing.Fixtures.reservation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExchangeValidatorTests {

    private final ExchangeValidator validator = new ExchangeValidator(
            new ReservationCharges(ReservationPriceLookup.none(), dec("12")),
            new CurrencyConverter(FxRates.of(List.of(new FxRate(date("2025-09-06"), EUR, USD, dec("1.10"))))));

    /** 3,650 upfront from 2025-03-10, returned 2025-09-06 10:00: remaining commitment 1,850 (no fee on exchanges). */
    private final ReservationTerms returned = reservation("R1").price("3650").start("2025-03-10T13:00:00Z")
            .exchanged("2025-09-06T10:00:00Z").build();

    private static Function<String, Optional<ReservationTerms>> loaded(ReservationTerms... reservations) {
        return id -> List.of(reservations).stream().filter(r -> r.reservationId().equals(id)).findFirst();
    }

    private static Fixtures.ReservationBuilder replacement(String price) {
        return reservation("R2").price(price).start("2025-09-06T10:00:30Z").exchangedFrom("R1");
    }

    @Test
    void anExchangeCoveringTheRemainingCommitmentIsAccepted() {
        assertThat(validator.validateNew(replacement("2000").build(), loaded(returned))).isEmpty();
        assertThat(validator.validateNew(replacement("1850").build(), loaded(returned))).isEmpty();
        assertThat(validator.validateReturned(returned)).isEmpty();
    }

    @Test
    void anExchangeBelowTheRemainingCommitmentIsRejected() {
        List<String> reasons = validator.validateNew(replacement("1849.99").build(), loaded(returned));

        assertThat(reasons).singleElement().asString()
                .startsWith(ExchangeValidator.BELOW_REMAINING_COMMITMENT).contains("1849.99").contains("1850");
    }

    @Test
    void aMonthlyPlanCommitsItsUnpaidInstalments() {
        // domain.md 5.1: 100 a month for 3 years after 18 payments → at least 1,800. Returned on the 19th
        // instalment date, so that instalment is not charged and the 18th is fully used.
        ReservationTerms monthly = reservation("M1").monthly().term(Term.P3Y).price("3600")
                .start("2024-01-10T08:00:00Z").exchanged("2025-07-10T08:00:00Z").build();
        Fixtures.ReservationBuilder bought = reservation("M2").start("2025-07-10T08:00:10Z").exchangedFrom("M1");

        assertThat(validator.validateNew(bought.price("1800").build(), loaded(monthly))).isEmpty();
        assertThat(validator.validateNew(bought.price("1799").build(), loaded(monthly))).singleElement().asString()
                .startsWith(ExchangeValidator.BELOW_REMAINING_COMMITMENT);
    }

    @Test
    void theCommitmentIsComparedInTheNewReservationsCurrency() {
        // Returned: 1,850 EUR of commitment = 2,035 USD at 1.10.
        ReservationTerms euro = reservation("R1").price("3650").currency(EUR).start("2025-03-10T13:00:00Z")
                .exchanged("2025-09-06T10:00:00Z").build();

        assertThat(validator.validateNew(replacement("2035").build(), loaded(euro))).isEmpty();
        assertThat(validator.validateNew(replacement("2034").build(), loaded(euro))).hasSize(1);
    }

    @Test
    void theNewReservationMustStartWithinOneMinuteOfTheReturn() {
        List<String> reasons = validator.validateNew(
                reservation("R2").price("2000").start("2025-09-06T10:01:01Z").exchangedFrom("R1").build(),
                loaded(returned));

        assertThat(reasons).singleElement().asString().contains("within one minute");
    }

    @Test
    void refundAndPurchaseMustFallInTheSameMonth() {
        ReservationTerms lateNight = reservation("R1").price("3650").start("2025-03-10T13:00:00Z")
                .exchanged("2025-09-30T23:59:40Z").build();

        List<String> reasons = validator.validateNew(
                reservation("R2").price("3000").start("2025-10-01T00:00:10Z").exchangedFrom("R1").build(),
                loaded(lateNight));

        assertThat(reasons).singleElement().asString().contains("not in the month");
    }

    @Test
    void anExchangedReservationNeedsCancelledAtAndMustExist() {
        ReservationTerms noDate = reservation("R1").price("3650").exchanged(null).build();

        assertThat(validator.validateReturned(noDate)).singleElement().asString().contains("no CancelledAt");
        assertThat(validator.validateNew(replacement("2000").build(), loaded(noDate)))
                .anySatisfy(reason -> assertThat(reason).contains("no CancelledAt"));
        assertThat(validator.validateNew(replacement("2000").build(), loaded()))
                .singleElement().asString().contains("unknown reservation R1");
    }

    @Test
    void aPlainPurchaseIsNotAnExchange() {
        assertThat(validator.validateNew(reservation("R9").build(), loaded())).isEmpty();
    }
}
