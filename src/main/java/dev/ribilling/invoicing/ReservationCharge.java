package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One reservation charge of a billing month, before currency conversion and before rounding.
 *
 * @param chargeDate purchase, instalment or cancellation date (the fx date and part of the line key)
 * @param amount in the reservation's PricingCurrency, markup included, full precision; refunds negative
 * @param detail "how computed": inputs and formula with numbers
 */
public record ReservationCharge(InvoiceLineType type, ReservationTerms reservation, LocalDate chargeDate,
        Money amount, String description, String detail) {

    public ReservationCharge {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(chargeDate, "chargeDate");
        Objects.requireNonNull(amount, "amount");
        if (!type.isReservationLine()) {
            throw new IllegalArgumentException("not a reservation line type: " + type);
        }
    }
}
