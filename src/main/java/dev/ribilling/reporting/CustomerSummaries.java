package dev.ribilling.reporting;

import dev.ribilling.billing.Money;
import dev.ribilling.invoicing.BillTo;
import dev.ribilling.invoicing.CurrencyConverter;
import dev.ribilling.invoicing.CustomerAccount;
import dev.ribilling.invoicing.InvoiceInputs;
import dev.ribilling.invoicing.InvoiceLine;
import dev.ribilling.invoicing.UsageLines;
import dev.ribilling.pricing.ComputePriceResolver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer rows of the Summary sheet (contract section 5), one per customer and bill-to party with anything in
 * the period, in the customer's BillingCurrency as in effect on the last day of the period:
 * <ul>
 * <li>PartnerInvoiceCost: Σ Subtotal of Microsoft's partner-invoice rows with this CustomerId and ChargeStartDate
 * in the period, each converted from its Currency (else PricingCurrency) at its ChargeStartDate;</li>
 * <li>UsageCost: the customer's PaygUsage and SoftwareUsage lines computed by the invoice rules with markup 0
 * (uncovered quantity × UnitPrice, plus covered hours × the software part of UnitPrice), converted row by row
 * at the usage date and rounded per line as invoices are;</li>
 * <li>BilledAmount: Σ totals of the latest revision of each of the customer's invoices of the period;</li>
 * <li>PaygEquivalent, Savings, capacity and used units: Σ over the customer's reservations' days of the
 * period, each day converted from the reservation's PricingCurrency at that date; empty when a compute price
 * (or a rate) was missing.</li>
 * </ul>
 * Several queries run per customer; none streams, so the customers are read one after the other.
 */
final class CustomerSummaries {

    private final JdbcTemplate jdbc;
    private final InvoiceInputs inputs;
    private final CurrencyConverter converter;
    private final ComputePriceResolver computePrices;

    CustomerSummaries(JdbcTemplate jdbc, InvoiceInputs inputs, CurrencyConverter converter,
            ComputePriceResolver computePrices) {
        this.jdbc = jdbc;
        this.inputs = inputs;
        this.converter = converter;
        this.computePrices = computePrices;
    }

    List<SummaryRow> customers(YearMonth period) {
        Map<String, String> names = new TreeMap<>();
        jdbc.query("SELECT customer_id, customer_name FROM customer", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        List<SummaryRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> customer : names.entrySet()) {
            rows.addAll(customer(customer.getKey(), customer.getValue(), period));
        }
        return rows;
    }

    /** One bill-to party's share of a customer's figures. */
    private static final class Share {
        boolean any;
        BigDecimal partnerInvoice = BigDecimal.ZERO;
        BigDecimal usageCost = BigDecimal.ZERO;
        BigDecimal billed = BigDecimal.ZERO;
        final ReservationTotals reservations = new ReservationTotals();
    }

    /**
     * The customer's rows, one per bill-to party it has figures with (contract section 4: reservation lines go to
     * the reservation's frozen ResellerId, usage lines to the customer's reseller on the last day), so that each
     * reseller's total agrees with its invoices and reseller summary: usage cost under the usage's party, billed
     * amounts under each invoice's party, partner-invoice rows and reservation figures under the reservation's
     * party (a partner-invoice row naming no loaded reservation order goes with the usage).
     */
    private List<SummaryRow> customer(String customerId, String name, YearMonth period) {
        CustomerAccount account = inputs.account(customerId, period);
        Currency currency = account.billingCurrency();
        Set<String> notes = new LinkedHashSet<>();
        BillTo usageParty = account.resellerAtPeriodEnd();
        Map<BillTo, Share> shares = new TreeMap<>();

        for (Map<String, Object> row : jdbc.queryForList("SELECT p.subtotal, p.currency, p.pricing_currency, "
                + "p.charge_start_date, (SELECT MIN(COALESCE(r.reseller_id, '')) FROM reservation r WHERE "
                + "r.reservation_order_id = p.reservation_order_id AND r.customer_id = p.customer_id) AS reseller "
                + "FROM partner_invoice_row p WHERE p.customer_id = ? AND p.charge_start_date BETWEEN ? AND ?", customerId,
                period.atDay(1), period.atEndOfMonth())) {
            Object reseller = row.get("reseller");
            Share share = shares.computeIfAbsent(reseller == null ? usageParty : BillTo.of((String) reseller),
                    k -> new Share());
            share.any = true;
            Currency from = Currency.getInstance((String) (row.get("currency") != null ? row.get("currency")
                    : row.get("pricing_currency")));
            LocalDate date = toLocalDate(row.get("charge_start_date"));
            BigDecimal subtotal = (BigDecimal) row.get("subtotal");
            Optional<CurrencyConverter.AppliedRate> rate = converter.rate(from, currency, date);
            if (rate.isEmpty()) {
                notes.add("partner invoice cost incomplete: " + CurrencyConverter.missingReason(from, currency, date));
            } else {
                share.partnerInvoice = share.partnerInvoice.add(rate.get().apply(subtotal), Money.MATH);
            }
        }

        var usage = inputs.usage(customerId, period, computePrices);
        if (!usage.isEmpty()) {
            Share share = shares.computeIfAbsent(usageParty, k -> new Share());
            share.any = true;
            CustomerAccount withoutMarkup = new CustomerAccount(customerId, currency, BigDecimal.ZERO, usageParty);
            UsageLines.Result usageLines = new UsageLines(converter).build(withoutMarkup, usage);
            for (InvoiceLine line : usageLines.lines()) {
                share.usageCost = share.usageCost.add(line.amount().amount());
            }
            if (!usageLines.problems().isEmpty()) {
                notes.add("usage cost not computed: " + String.join("; ", usageLines.problems()));
            }
        }

        for (Map<String, Object> row : jdbc.queryForList("SELECT i.bill_to, i.currency, r.total FROM invoice i "
                + "JOIN invoice_revision r ON r.invoice_number = i.invoice_number AND r.revision = i.latest_revision "
                + "WHERE i.period = ? AND i.customer_id = ?", period.toString(), customerId)) {
            Share share = shares.computeIfAbsent(BillTo.of((String) row.get("bill_to")), k -> new Share());
            share.any = true;
            Currency invoiceCurrency = Currency.getInstance((String) row.get("currency"));
            BigDecimal total = (BigDecimal) row.get("total");
            if (invoiceCurrency.equals(currency)) {
                share.billed = share.billed.add(total);
            } else {
                Optional<CurrencyConverter.AppliedRate> rate = converter.rate(invoiceCurrency, currency, period.atEndOfMonth());
                rate.ifPresentOrElse(r -> notes.add("an invoice in " + invoiceCurrency + " converted at the period end"),
                        () -> notes.add("an invoice in " + invoiceCurrency + " left out: no rate"));
                if (rate.isPresent()) {
                    share.billed = share.billed.add(rate.get().apply(total), Money.MATH);
                }
            }
        }

        jdbc.query("SELECT COALESCE(r.reseller_id, ''), d.usage_date, d.currency, SUM(d.capacity_units), "
                + "SUM(d.used_units), SUM(d.payg_equivalent), SUM(d.savings), COUNT(*), COUNT(d.payg_equivalent) "
                + "FROM reservation_day d JOIN reservation r ON r.reservation_id = d.reservation_id "
                + "WHERE d.customer_id = ? AND d.usage_date BETWEEN ? AND ? "
                + "GROUP BY COALESCE(r.reseller_id, ''), d.usage_date, d.currency "
                + "ORDER BY COALESCE(r.reseller_id, ''), d.usage_date, d.currency", rs -> {
                    Share share = shares.computeIfAbsent(BillTo.of(rs.getString(1)), k -> new Share());
                    share.any = true;
                    ReservationTotals reservations = share.reservations;
                    LocalDate date = rs.getObject(2, LocalDate.class);
                    Currency from = Currency.getInstance(rs.getString(3));
                    reservations.capacity = reservations.capacity.add(rs.getBigDecimal(4));
                    reservations.used = reservations.used.add(rs.getBigDecimal(5));
                    if (rs.getLong(8) != rs.getLong(9)) {
                        reservations.paygKnown = false;
                        return;
                    }
                    Optional<CurrencyConverter.AppliedRate> rate = converter.rate(from, currency, date);
                    if (rate.isEmpty()) {
                        reservations.paygKnown = false;
                        notes.add("PAYG equivalent and savings incomplete: "
                                + CurrencyConverter.missingReason(from, currency, date));
                        return;
                    }
                    reservations.payg = reservations.payg.add(rate.get().apply(rs.getBigDecimal(6)), Money.MATH);
                    reservations.savings = reservations.savings.add(rate.get().apply(rs.getBigDecimal(7)), Money.MATH);
                }, customerId, period.atDay(1), period.atEndOfMonth());

        List<SummaryRow> rows = new ArrayList<>();
        shares.forEach((party, share) -> {
            if (!share.any) {
                return;
            }
            ReservationTotals reservations = share.reservations;
            rows.add(new SummaryRow(SummaryLevel.CUSTOMER, party.resellerId(), customerId, name, currency,
                    share.partnerInvoice, share.usageCost, share.billed, reservations.paygKnown ? reservations.payg : null,
                    reservations.paygKnown ? reservations.savings : null, reservations.capacity, reservations.used,
                    notes.isEmpty() ? null : String.join("; ", notes)));
        });
        return rows;
    }

    static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value));
    }

    private static final class ReservationTotals {
        BigDecimal capacity = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal payg = BigDecimal.ZERO;
        BigDecimal savings = BigDecimal.ZERO;
        boolean paygKnown = true;
    }
}
