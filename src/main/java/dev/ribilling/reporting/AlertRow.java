package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * One row of the Alerts sheet. Only the fields that apply are set; the message says the rest in words.
 *
 * @param date the date the alert is about (expiry, cancellation, missing price date), or null
 * @param utilization a fraction, for utilization alerts
 * @param amount savings, or a USD refund-cap total, in {@code currency}
 */
public record AlertRow(Severity severity, AlertKind kind, String customerId, String reservationId, LocalDate date,
        BigDecimal utilization, BigDecimal amount, Currency currency, String message) {

    public enum Severity {
        /** Money is at stake now: a customer was not invoiced, a price is missing, a cap is exceeded. */
        ERROR,
        /** Worth acting on this month. */
        WARNING,
        /** For information. */
        INFO
    }

    public AlertRow {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
