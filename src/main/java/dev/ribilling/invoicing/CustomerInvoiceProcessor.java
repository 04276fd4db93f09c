package dev.ribilling.invoicing;

import dev.ribilling.pricing.ComputePriceResolver;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Applies the invoice rules to one customer's month (the step's reference data loaded once per step). */
public class CustomerInvoiceProcessor implements ItemProcessor<String, CustomerInvoiceDraft> {

    private final YearMonth month;
    private final InvoiceInputs inputs;
    private final InvoiceAssembler assembler;
    private final RefundCapMonitor refundCap;
    private final ComputePriceResolver computePrices;

    public CustomerInvoiceProcessor(YearMonth month, InvoiceInputs inputs, BigDecimal earlyTerminationFeePct) {
        this.month = month;
        this.inputs = inputs;
        CurrencyConverter converter = new CurrencyConverter(inputs.fxRates());
        ReservationCharges charges = new ReservationCharges(inputs.reservationPrices(), earlyTerminationFeePct);
        this.assembler = new InvoiceAssembler(charges, converter);
        this.refundCap = new RefundCapMonitor(charges, converter);
        this.computePrices = inputs.computePrices();
    }

    @Override
    public CustomerInvoiceDraft process(String customerId) {
        long unmatched = inputs.unmatchedRows(customerId, month);
        if (unmatched != 0) {
            throw new IllegalStateException(unmatched + " usage rows of " + customerId + " in " + month
                    + " are not matched: run match --period " + month + " first");
        }
        List<ReservationTerms> reservations = inputs.reservations(customerId);
        CustomerInvoicing result = assembler.assemble(inputs.account(customerId, month), month, reservations,
                inputs.usage(customerId, month, computePrices));
        return new CustomerInvoiceDraft(customerId, result, refundCap.check(customerId, reservations, month));
    }
}
