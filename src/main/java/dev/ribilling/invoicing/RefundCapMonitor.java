package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The USD 50,000 refund cap (contract section 4, domain 5.1 and Q6): every cancellation that is not
 * an exchange adds its remaining commitment, in USD at the cancellation date's rate, to a rolling
 * 365-day total per customer. A total above the limit raises an alert; the refund is still invoiced.
 */
public final class RefundCapMonitor {

    public static final Currency USD = Currency.getInstance("USD");
    public static final BigDecimal DEFAULT_LIMIT_USD = new BigDecimal("50000");
    public static final int WINDOW_DAYS = 365;

    private final ReservationCharges charges;
    private final CurrencyConverter converter;
    private final BigDecimal limitUsd;

    public RefundCapMonitor(ReservationCharges charges, CurrencyConverter converter, BigDecimal limitUsd) {
        this.charges = Objects.requireNonNull(charges, "charges");
        this.converter = Objects.requireNonNull(converter, "converter");
        this.limitUsd = Objects.requireNonNull(limitUsd, "limitUsd");
    }

    public RefundCapMonitor(ReservationCharges charges, CurrencyConverter converter) {
        this(charges, converter, DEFAULT_LIMIT_USD);
    }

    /**
     * Alerts for the cancellations of {@code month}.
     *
     * @param customerReservations all reservations of ONE customer, including those cancelled in the
     *        365 days before the month (they still count toward the rolling total)
     */
    public List<RefundCapAlert> check(String customerId, List<ReservationTerms> customerReservations, YearMonth month) {
        List<ReservationTerms> cancellations = customerReservations.stream()
                .filter(r -> r.isCancelled() && !r.isExchange())
                .sorted(Comparator.comparing(ReservationTerms::cancelledAt).thenComparing(ReservationTerms::reservationId))
                .toList();
        List<Counted> counted = new ArrayList<>();
        List<RefundCapAlert> alerts = new ArrayList<>();
        for (ReservationTerms r : cancellations) {
            if (!r.customerId().equals(customerId)) {
                throw new IllegalArgumentException("reservation " + r.reservationId() + " is not of " + customerId);
            }
            LocalDate date = r.cancellationDate();
            boolean inMonth = YearMonth.from(date).equals(month);
            Optional<BigDecimal> usd = commitmentUsd(r);
            if (usd.isEmpty()) {
                if (inMonth) {
                    alerts.add(new RefundCapAlert(RefundCapAlert.Kind.RATE_MISSING, customerId, r.reservationId(), date,
                            null, null, limitUsd, "refund cap not checked: "
                            + CurrencyConverter.missingReason(r.pricingCurrency(), USD, date)));
                }
                continue;
            }
            counted.add(new Counted(date, usd.get()));
            if (!inMonth) {
                continue;
            }
            // Rolling window: a cancellation on D0 counts on D0 … D0 + 364 and is restored 365 days later.
            BigDecimal total = counted.stream()
                    .filter(c -> c.date().isAfter(date.minusDays(WINDOW_DAYS)) && !c.date().isAfter(date))
                    .map(Counted::usd)
                    .reduce(BigDecimal.ZERO, (a, b) -> a.add(b, Money.MATH));
            if (total.compareTo(limitUsd) > 0) {
                alerts.add(new RefundCapAlert(RefundCapAlert.Kind.LIMIT_EXCEEDED, customerId, r.reservationId(), date,
                        usd.get(), total, limitUsd, "cancelled commitment of customer " + customerId + " in the 365 days to "
                        + date + " is USD " + Percent.plain(Money.round(total, USD)) + ", above the USD "
                        + Percent.plain(limitUsd) + " limit; refund still invoiced"));
            }
        }
        return alerts;
    }

    private Optional<BigDecimal> commitmentUsd(ReservationTerms r) {
        BigDecimal amount = charges.remainingCommitment(r).amount().amount();
        return converter.rate(r.pricingCurrency(), USD, r.cancellationDate()).map(rate -> rate.apply(amount));
    }

    private record Counted(LocalDate date, BigDecimal usd) {
    }
}
