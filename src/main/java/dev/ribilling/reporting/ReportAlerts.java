package dev.ribilling.reporting;

import dev.ribilling.billing.Money;
import dev.ribilling.ingest.StoredReservation;
import dev.ribilling.invoicing.CurrencyConverter;
import dev.ribilling.invoicing.InvoiceInputs;
import dev.ribilling.invoicing.IssueInvoicesTasklet;
import dev.ribilling.invoicing.RefundCapMonitor;
import dev.ribilling.invoicing.ReservationCharges;
import dev.ribilling.invoicing.ReservationTerms;
import dev.ribilling.matching.MatchStore;
import dev.ribilling.pricing.Utilization;
import dev.ribilling.reporting.AlertRow.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Alerts sheet: the alerts the match and invoice jobs stored for the period (missing prices grouped per
 * customer, SKU and region; overlaps; skipped customers; refund cap; revisions), then the rules of
 * {@link AlertRules} judged at the period's last day: refund cap near or above the limit, and per reservation
 * utilization below the threshold over the last 7 and 30 days, negative savings, end within the expiry window.
 */
final class ReportAlerts {

    private final ReportJdbc db;
    private final AlertRules rules;
    private final ReservationCharges charges;
    private final CurrencyConverter converter;

    ReportAlerts(ReportJdbc db, AlertRules rules, ReservationCharges charges, CurrencyConverter converter) {
        this.db = db;
        this.rules = rules;
        this.charges = charges;
        this.converter = converter;
    }

    RowSource<AlertRow> source(YearMonth period, Map<String, StoredReservation> reservations) {
        return () -> {
            List<AlertRow> first = new ArrayList<>(stored(period));
            first.addAll(refundCap(period, reservations, first));
            return Stream.concat(first.stream(), reservationAlerts(period, reservations));
        };
    }

    private List<AlertRow> stored(YearMonth period) {
        List<AlertRow> alerts = new ArrayList<>();
        db.plain().query("SELECT customer_id, kind, subject, MIN(alert_date), MAX(alert_date), COUNT(*), MIN(message) "
                + "FROM billing_alert WHERE source = ? AND alert_date BETWEEN ? AND ? GROUP BY customer_id, kind, subject "
                + "ORDER BY customer_id, kind, subject", rs -> {
                    String kind = rs.getString(2);
                    String subject = rs.getString(3);
                    LocalDate firstDate = rs.getObject(4, LocalDate.class);
                    LocalDate lastDate = rs.getObject(5, LocalDate.class);
                    long days = rs.getLong(6);
                    String message = days == 1 ? rs.getString(7) : when(kind, subject, firstDate, lastDate, days);
                    boolean missingPrice = kind.equals("MISSING_PRICE");
                    alerts.add(new AlertRow(missingPrice ? Severity.ERROR : Severity.WARNING,
                            missingPrice ? AlertKind.MISSING_PRICE : AlertKind.OTHER, rs.getString(1), null, firstDate,
                            null, null, null, message));
                }, MatchStore.ALERT_SOURCE, period.atDay(1), period.atEndOfMonth());
        db.plain().query("SELECT customer_id, kind, subject, alert_date, message FROM billing_alert WHERE source = ? "
                + "AND alert_date = ? ORDER BY customer_id, id", rs -> {
                    alerts.add(invoiceAlert(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5)));
                }, IssueInvoicesTasklet.ALERT_SOURCE, period.atDay(1));
        // Usage that arrived after the month was invoiced (the nightly job's alert, dated on arrival, naming the
        // invoiced month as its subject): it belongs to this month's workbook until the revision is issued.
        db.plain().query("SELECT a.customer_id, a.alert_date, a.message FROM billing_alert a WHERE a.source = 'nightly' "
                + "AND a.kind = 'LATE_USAGE' AND a.subject = ? AND NOT EXISTS (SELECT 1 FROM invoice i "
                + "JOIN invoice_revision r ON r.invoice_number = i.invoice_number WHERE i.customer_id = a.customer_id "
                + "AND i.period = a.subject AND r.revision > 1 AND r.issue_date >= a.alert_date) "
                + "ORDER BY a.customer_id, a.alert_date, a.id", rs -> {
                    alerts.add(new AlertRow(Severity.WARNING, AlertKind.OTHER, rs.getString(1), null,
                            rs.getObject(2, LocalDate.class), null, null, null, rs.getString(3)));
                }, period.toString());
        alerts.sort(Comparator.comparing(AlertRow::severity).thenComparing(a -> String.valueOf(a.customerId())));
        return alerts;
    }

    private static String when(String kind, String subject, LocalDate first, LocalDate last, long days) {
        String span = days + " days from " + first + " to " + last;
        return switch (kind) {
            case "MISSING_PRICE" -> "no compute price for " + subject + " on " + span
                    + ": PaygEquivalent and Savings left empty";
            case "OVERLAPS_HOURLY_USAGE" -> "daily usage rows rejected from matching on " + span
                    + ": they overlap hourly usage of the same VM";
            default -> kind + " " + subject + " on " + span;
        };
    }

    private static AlertRow invoiceAlert(String customerId, String kind, String subject, LocalDate date, String message) {
        return switch (kind) {
            case "CUSTOMER_SKIPPED" -> {
                String detail = message.startsWith("not invoiced: ") ? message.substring("not invoiced: ".length()) : message;
                if (detail.contains("no fx rate")) {
                    yield AlertRules.customerSkipped(customerId, AlertKind.CUSTOMER_SKIPPED_FX_RATE, null, detail);
                }
                if (detail.contains("compute price")) {
                    yield AlertRules.customerSkipped(customerId, AlertKind.CUSTOMER_SKIPPED_PRICE, null, detail);
                }
                yield new AlertRow(Severity.ERROR, AlertKind.OTHER, customerId, null, null, null, null, null, message);
            }
            case "REFUND_CAP_LIMIT_EXCEEDED" -> new AlertRow(Severity.ERROR, AlertKind.REFUND_CAP, customerId, null, null,
                    null, null, null, message);
            case "REFUND_CAP_RATE_MISSING" -> new AlertRow(Severity.WARNING, AlertKind.REFUND_CAP, customerId, null, null,
                    null, null, null, message);
            case "REVISION_ISSUED", "NO_REVISION" -> new AlertRow(Severity.INFO, AlertKind.OTHER, customerId, null, null,
                    null, null, null, message);
            default -> new AlertRow(Severity.WARNING, AlertKind.OTHER, customerId, null, null, null, null, null, message);
        };
    }

    /**
     * Each customer's cancelled commitment (cancellations that are not exchanges, in USD at the cancellation date)
     * over the 365 days to the period's last day, judged by {@link AlertRules#forRefundCap}. A customer the invoice
     * job already reported above the limit this period is not reported twice.
     */
    private List<AlertRow> refundCap(YearMonth period, Map<String, StoredReservation> reservations,
            List<AlertRow> stored) {
        LocalDate end = period.atEndOfMonth();
        Set<String> alreadyExceeded = new HashSet<>();
        for (AlertRow a : stored) {
            if (a.kind() == AlertKind.REFUND_CAP && a.severity() == Severity.ERROR) {
                alreadyExceeded.add(a.customerId());
            }
        }
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (StoredReservation r : reservations.values()) {
            ReservationTerms terms = InvoiceInputs.terms(r);
            if (!terms.isCancelled() || terms.isExchange()) {
                continue;
            }
            LocalDate cancelled = terms.cancellationDate();
            if (cancelled.isAfter(end) || !cancelled.isAfter(end.minusDays(RefundCapMonitor.WINDOW_DAYS))) {
                continue;
            }
            BigDecimal amount = charges.remainingCommitment(terms).amount().amount();
            converter.rate(terms.pricingCurrency(), RefundCapMonitor.USD, cancelled).ifPresent(rate ->
                    totals.merge(r.customerId(), rate.apply(amount), (a, b) -> a.add(b, Money.MATH)));
        }
        List<AlertRow> alerts = new ArrayList<>();
        totals.forEach((customerId, total) -> rules.forRefundCap(customerId, total, RefundCapMonitor.DEFAULT_LIMIT_USD)
                .filter(a -> !(a.severity() == Severity.ERROR && alreadyExceeded.contains(customerId)))
                .ifPresent(alerts::add));
        return alerts;
    }

    /** One grouped query over the reservation days of the period and the month before, streamed. */
    private Stream<AlertRow> reservationAlerts(YearMonth period, Map<String, StoredReservation> reservations) {
        LocalDate end = period.atEndOfMonth();
        LocalDate from7 = end.minusDays(6);
        LocalDate from30 = end.minusDays(29);
        LocalDate start = period.atDay(1);
        LocalDate previousStart = period.minusMonths(1).atDay(1);
        LocalDate queryStart = from30.isBefore(previousStart) ? from30 : previousStart;
        Stream<AlertRow> rows = db.streaming().queryForStream("SELECT reservation_id, "
                + "SUM(CASE WHEN usage_date >= ? THEN capacity_units ELSE 0 END), "
                + "SUM(CASE WHEN usage_date >= ? THEN used_units ELSE 0 END), "
                + "SUM(CASE WHEN usage_date >= ? THEN capacity_units ELSE 0 END), "
                + "SUM(CASE WHEN usage_date >= ? THEN used_units ELSE 0 END), "
                + "SUM(CASE WHEN usage_date >= ? THEN savings END), "
                + "SUM(CASE WHEN usage_date >= ? AND payg_equivalent IS NULL THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN usage_date >= ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN usage_date < ? THEN savings END), "
                + "SUM(CASE WHEN usage_date < ? AND payg_equivalent IS NULL THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN usage_date < ? THEN 1 ELSE 0 END) "
                + "FROM reservation_day WHERE usage_date BETWEEN ? AND ? GROUP BY reservation_id ORDER BY reservation_id",
                (rs, n) -> {
                    StoredReservation r = reservations.get(rs.getString(1));
                    if (r == null || rs.getLong(8) == 0) {
                        return List.<AlertRow>of();
                    }
                    BigDecimal savings = rs.getLong(7) > 0 ? null : orZero(rs.getBigDecimal(6));
                    BigDecimal previous = rs.getLong(11) == 0 || rs.getLong(10) > 0 ? null : orZero(rs.getBigDecimal(9));
                    LocalDate termEnd = r.activeUntil().atZone(ZoneOffset.UTC).toLocalDate();
                    ReservationAlertFacts facts = new ReservationAlertFacts(r.reservationId(), r.customerId(),
                            r.skuDisplay(), r.region(), Utilization.of(rs.getBigDecimal(3), rs.getBigDecimal(2)),
                            Utilization.of(rs.getBigDecimal(5), rs.getBigDecimal(4)), savings, previous,
                            r.pricingCurrency(), termEnd);
                    return rules.forReservation(facts, end);
                }, from7, from7, from30, from30, start, start, start, start, start, start, queryStart, end)
                .flatMap(List::stream);
        return rows;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
