package dev.ribilling.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** A row of Microsoft's new-commerce invoice reconciliation file (what the partner is charged). */
public record PartnerInvoiceRow(String invoiceNumber, String customerId, String chargeType, String reservationOrderId,
        LocalDate chargeStartDate, LocalDate chargeEndDate, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal subtotal, Currency pricingCurrency, BigDecimal pcToBcExchangeRate, Currency currency,
        String resellerMpnId) {

    static PartnerInvoiceRow parse(FieldReader f) {
        return new PartnerInvoiceRow(f.required("InvoiceNumber"), f.safeId("CustomerId"), f.required("ChargeType"),
                dev.ribilling.billing.Identifiers.key(f.required("ReservationOrderId")), f.date("ChargeStartDate"),
                f.date("ChargeEndDate"), f.decimal("Quantity"), f.decimal("UnitPrice"), f.decimal("Subtotal"),
                f.currency("PricingCurrency"), f.optionalDecimal("PCToBCExchangeRate"), f.optionalCurrency("Currency"),
                f.text("ResellerMpnId"));
    }

    String key() {
        return invoiceNumber + "|" + reservationOrderId + "|" + chargeType + "|" + chargeStartDate;
    }

    RowValues values() {
        return new RowValues().put("InvoiceNumber", invoiceNumber).put("CustomerId", customerId)
                .put("ChargeType", chargeType).put("ReservationOrderId", reservationOrderId)
                .put("ChargeStartDate", chargeStartDate).put("ChargeEndDate", chargeEndDate).put("Quantity", quantity)
                .put("UnitPrice", unitPrice).put("Subtotal", subtotal).put("PricingCurrency", pricingCurrency)
                .put("PCToBCExchangeRate", pcToBcExchangeRate).put("Currency", currency)
                .put("ResellerMpnId", resellerMpnId);
    }
}
