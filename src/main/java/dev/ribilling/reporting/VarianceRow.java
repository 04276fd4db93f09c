package dev.ribilling.reporting;

import dev.ribilling.invoicing.InvoiceLineType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * One row of the Variance sheet: a Microsoft partner-invoice row, our reservation line, or both. Fields of a
 * missing side are null; so are expected and difference when they cannot be computed.
 *
 * @param microsoftChargeType the row's ChargeType as Microsoft wrote it
 * @param ourAmountBeforeMarkup our line in {@code pricingCurrency}, full precision
 * @param exchangeRate the row's PCToBCExchangeRate (1 when both currencies are the same and the column is empty)
 * @param billingCurrency the currency of Subtotal (the row's Currency, else its PricingCurrency)
 * @param expected ROUNDDOWN(ourAmountBeforeMarkup × exchangeRate, 2), in the billing currency
 * @param difference subtotal − expected
 * @param tolerance the allowed |difference| for this row
 */
public record VarianceRow(VarianceStatus status, String customerId, String reservationOrderId, String reservationId,
        ChargeCategory category, String microsoftChargeType, InvoiceLineType ourLineType, String invoiceNumber,
        LocalDate chargeStartDate, LocalDate ourChargeDate, BigDecimal quantity, Currency pricingCurrency,
        BigDecimal ourAmountBeforeMarkup, BigDecimal exchangeRate, Currency billingCurrency, BigDecimal expected,
        BigDecimal subtotal, BigDecimal difference, BigDecimal tolerance, String note) {
}
