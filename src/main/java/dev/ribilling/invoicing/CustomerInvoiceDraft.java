package dev.ribilling.invoicing;

import java.util.List;

/** What the invoice rules produced for one customer in one run: invoices or a skip, and refund-cap alerts. */
public record CustomerInvoiceDraft(String customerId, CustomerInvoicing result, List<RefundCapAlert> refundCapAlerts) {
}
