package dev.ribilling.ingest;

import java.math.BigDecimal;
import java.util.Currency;

/** A customers row (contract section 2). */
public record CustomerRow(String customerId, String customerName, Currency billingCurrency, BigDecimal paygMarkupPct,
        BigDecimal reservationMarkupPct, String resellerId) {

    static CustomerRow parse(FieldReader f) {
        return new CustomerRow(f.safeId("CustomerId"), f.required("CustomerName"), f.currency("BillingCurrency"),
                f.decimal("PaygMarkupPct"), f.decimal("ReservationMarkupPct"), f.optionalSafeId("ResellerId"));
    }

    RowValues values() {
        return new RowValues().put("CustomerId", customerId).put("CustomerName", customerName)
                .put("BillingCurrency", billingCurrency).put("PaygMarkupPct", paygMarkupPct)
                .put("ReservationMarkupPct", reservationMarkupPct).put("ResellerId", resellerId);
    }
}
