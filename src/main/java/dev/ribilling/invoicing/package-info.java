/**
 * Customer invoicing (contract section 4), pure Java without Spring: the batch and file adapters call it.
 *
 * <p>Inputs are records loaded and matched elsewhere: {@link dev.ribilling.invoicing.ReservationTerms},
 * {@link dev.ribilling.invoicing.UsageCharge}, {@link dev.ribilling.invoicing.CustomerAccount}, with the
 * lookups {@link dev.ribilling.invoicing.FxRates} and {@link dev.ribilling.invoicing.ReservationPriceLookup}.
 * {@link dev.ribilling.invoicing.InvoiceAssembler} turns one customer's month into invoices or a skip;
 * {@link dev.ribilling.invoicing.InvoiceRevisions}, {@link dev.ribilling.invoicing.InvoiceNumbers},
 * {@link dev.ribilling.invoicing.InvoiceCsv} and {@link dev.ribilling.invoicing.SafeNames} serve issuing and
 * writing; {@link dev.ribilling.invoicing.ExchangeValidator} serves ingest and
 * {@link dev.ribilling.invoicing.RefundCapMonitor} the alerts.
 *
 * <p>Money stays at full precision ({@code Money.MATH}) until each line is rounded once with
 * {@code Money.round}; totals are sums of rounded lines.
 */
package dev.ribilling.invoicing;
