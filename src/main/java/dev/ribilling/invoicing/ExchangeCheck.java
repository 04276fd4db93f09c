package dev.ribilling.invoicing;

import dev.ribilling.ingest.NewReservationCheck;
import dev.ribilling.ingest.RejectReason;
import dev.ribilling.ingest.ReservationRepository;
import dev.ribilling.ingest.ReservationRow;
import dev.ribilling.ingest.RowRejectedException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At import, a reservation that names the one it was exchanged from must be a valid exchange (contract section 4):
 * the returned reservation exists with status Exchanged and a CancelledAt, the new one starts within a minute of it
 * in the same month, and its TotalPrice is not below the returned one's remaining commitment; otherwise the row is
 * rejected with the reason.
 */
@Component
public class ExchangeCheck implements NewReservationCheck {

    private final ReservationRepository reservations;
    private final InvoiceInputs inputs;
    private final BigDecimal feePct;

    public ExchangeCheck(ReservationRepository reservations, InvoiceInputs inputs,
            @Value("${billing.early-termination-fee-pct:0}") BigDecimal feePct) {
        this.reservations = reservations;
        this.inputs = inputs;
        this.feePct = feePct;
    }

    @Override
    public void check(ReservationRow row) {
        if (row.exchangedFrom() == null || row.exchangedFrom().isBlank()) {
            return;
        }
        ReservationTerms bought = new ReservationTerms(row.reservationId(), row.reservationOrderId(), row.customerId(),
                row.skuDisplay(), row.region(), row.quantity().intValueExact(), Term.parse(row.term()),
                row.billingPlan().equals("Monthly") ? BillingPlan.MONTHLY : BillingPlan.UPFRONT, row.benefitStart(),
                row.expiry(), row.totalPrice(), row.pricingCurrency(), ReservationStatus.ACTIVE, row.cancelledAt(),
                row.exchangedFrom(), BillTo.DIRECT, BigDecimal.ZERO);
        ExchangeValidator validator = new ExchangeValidator(new ReservationCharges(inputs.reservationPrices(), feePct),
                new CurrencyConverter(inputs.fxRates()));
        // Every customer's reservations: an exchange naming another customer's is refused with that reason.
        List<String> reasons = validator.validateNew(bought, id -> reservations.all().stream()
                .filter(r -> r.reservationId().equalsIgnoreCase(id)).findFirst().map(InvoiceInputs::terms));
        if (!reasons.isEmpty()) {
            boolean belowCommitment = reasons.stream().anyMatch(r -> r.startsWith(ExchangeValidator.BELOW_REMAINING_COMMITMENT));
            throw new RowRejectedException(belowCommitment ? RejectReason.EXCHANGE_BELOW_COMMITMENT
                    : RejectReason.INVALID_RESERVATION, String.join("; ", reasons));
        }
    }
}
