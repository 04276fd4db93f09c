package dev.ribilling.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An alert of the refund cap check, for the run summary and the Alerts sheet.
 *
 * @param commitmentUsd this cancellation's remaining commitment in USD (null when no rate)
 * @param rollingTotalUsd the customer's 365-day total including this cancellation (null when no rate)
 */
public record RefundCapAlert(Kind kind, String customerId, String reservationId, LocalDate cancellationDate,
        BigDecimal commitmentUsd, BigDecimal rollingTotalUsd, BigDecimal limitUsd, String message) {

    public enum Kind {
        /** The rolling total went above the limit with this cancellation. */
        LIMIT_EXCEEDED,
        /** No USD rate for the cancellation date, so the cancellation could not be counted. */
        RATE_MISSING
    }
}
