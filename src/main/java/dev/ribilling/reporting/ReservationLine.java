package dev.ribilling.reporting;

import dev.ribilling.billing.Money;
import dev.ribilling.invoicing.InvoiceLineType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One of our reservation invoice lines of the month as the Variance sheet needs it: before markup and in the
 * reservation's PricingCurrency, because that is what Microsoft charges the partner before converting to the
 * billing currency.
 *
 * @param amountBeforeMarkup full precision, refunds negative
 */
public record ReservationLine(String reservationOrderId, String reservationId, String customerId,
        InvoiceLineType type, LocalDate chargeDate, Money amountBeforeMarkup) {

    public ReservationLine {
        Objects.requireNonNull(reservationOrderId, "reservationOrderId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(chargeDate, "chargeDate");
        Objects.requireNonNull(amountBeforeMarkup, "amountBeforeMarkup");
        if (!type.isReservationLine()) {
            throw new IllegalArgumentException("not a reservation line type: " + type);
        }
    }

    ChargeCategory category() {
        return type == InvoiceLineType.ReservationRefund ? ChargeCategory.REFUND : ChargeCategory.CHARGE;
    }
}
