package dev.ribilling.reporting;

import dev.ribilling.billing.Money;
import dev.ribilling.reporting.AlertRow.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules that turn reservation and customer facts into Alerts rows. Utilization is judged on the last 7 and
 * 30 days, as Azure's own utilization alerts do (domain.md 2.1 and Q21), not on the month, because the month
 * hides a reservation that stopped being used last week.
 */
public final class AlertRules {

    private static final Currency USD = Currency.getInstance("USD");

    private final BigDecimal utilizationThreshold;
    private final int expiryWindowDays;
    private final BigDecimal refundCapNearShare;

    /**
     * @param utilizationThreshold a fraction, 0.80 by default
     * @param expiryWindowDays reservations ending within this many days are listed (90 by default)
     * @param refundCapNearShare a customer is "near" the refund cap from this share of it (0.80 by default)
     */
    public AlertRules(BigDecimal utilizationThreshold, int expiryWindowDays, BigDecimal refundCapNearShare) {
        this.utilizationThreshold = Objects.requireNonNull(utilizationThreshold, "utilizationThreshold");
        this.expiryWindowDays = expiryWindowDays;
        this.refundCapNearShare = Objects.requireNonNull(refundCapNearShare, "refundCapNearShare");
    }

    public static AlertRules defaults() {
        return new AlertRules(new BigDecimal("0.80"), 90, new BigDecimal("0.80"));
    }

    public List<AlertRow> forReservation(ReservationAlertFacts r, LocalDate reportDate) {
        List<AlertRow> alerts = new ArrayList<>();
        lowUtilization(r, r.utilizationLast7Days(), AlertKind.LOW_UTILIZATION_7_DAYS, "7").ifPresent(alerts::add);
        lowUtilization(r, r.utilizationLast30Days(), AlertKind.LOW_UTILIZATION_30_DAYS, "30").ifPresent(alerts::add);
        if (r.savings() != null && r.savings().signum() < 0) {
            boolean turned = r.previousSavings() != null && r.previousSavings().signum() >= 0;
            alerts.add(new AlertRow(Severity.WARNING, AlertKind.NEGATIVE_SAVINGS, r.customerId(), r.reservationId(),
                    null, r.utilizationLast30Days(), r.savings(), r.currency(),
                    "savings " + (turned ? "turned negative" : "are negative") + " this period on " + describe(r)
                            + ": the reservation costs more than the PAYG usage it covers"));
        }
        if (r.termEnd() != null && !r.termEnd().isBefore(reportDate)) {
            long days = ChronoUnit.DAYS.between(reportDate, r.termEnd());
            if (days <= expiryWindowDays) {
                alerts.add(new AlertRow(Severity.INFO, AlertKind.EXPIRING_SOON, r.customerId(), r.reservationId(),
                        r.termEnd(), null, null, null, describe(r) + " ends in " + days + " days on " + r.termEnd()
                                + "; usage returns to PAYG unless it is renewed or replaced"));
            }
        }
        return alerts;
    }

    /** An alert from {@code refundCapNearShare} of the limit on; an ERROR once the limit is exceeded. */
    public Optional<AlertRow> forRefundCap(String customerId, BigDecimal rollingTotalUsd, BigDecimal limitUsd) {
        BigDecimal near = limitUsd.multiply(refundCapNearShare, Money.MATH);
        if (rollingTotalUsd.compareTo(near) < 0) {
            return Optional.empty();
        }
        boolean exceeded = rollingTotalUsd.compareTo(limitUsd) > 0;
        BigDecimal share = rollingTotalUsd.divide(limitUsd, Money.MATH);
        return Optional.of(new AlertRow(exceeded ? Severity.ERROR : Severity.WARNING, AlertKind.REFUND_CAP, customerId,
                null, null, share, rollingTotalUsd, USD, "cancelled commitments of the last 365 days are USD "
                        + rollingTotalUsd.setScale(2, RoundingMode.HALF_UP).toPlainString() + ", "
                        + (exceeded ? "above" : "near") + " the USD " + limitUsd.toPlainString() + " refund limit"));
    }

    /** A customer that got no invoice this run, and why (contract section 4). */
    public static AlertRow customerSkipped(String customerId, AlertKind kind, LocalDate date, String detail) {
        if (kind != AlertKind.CUSTOMER_SKIPPED_FX_RATE && kind != AlertKind.CUSTOMER_SKIPPED_PRICE) {
            throw new IllegalArgumentException("not a skip reason: " + kind);
        }
        return new AlertRow(Severity.ERROR, kind, customerId, null, date, null, null, null,
                "not invoiced this run: " + detail);
    }

    private Optional<AlertRow> lowUtilization(ReservationAlertFacts r, BigDecimal utilization, AlertKind kind,
            String days) {
        if (utilization == null || utilization.compareTo(utilizationThreshold) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new AlertRow(Severity.WARNING, kind, r.customerId(), r.reservationId(), null, utilization,
                null, null, describe(r) + " was " + percent(utilization) + " used over the last " + days
                        + " days, below the " + percent(utilizationThreshold) + " threshold"));
    }

    private static String describe(ReservationAlertFacts r) {
        return "reservation " + r.reservationId() + " (" + r.skuName() + ", " + r.region() + ")";
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }
}
