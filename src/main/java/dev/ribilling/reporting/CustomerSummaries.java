package dev.ribilling.reporting;

import dev.ribilling.billing.Money;
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
 * The customer rows of the Summary sheet (contract section 5), one per customer with anything in the period, in
 * the customer's BillingCurrency as in effect on the last day of the period:
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
            customer(customer.getKey(), customer.getValue(), period).ifPresent(rows::add);
        }
        return rows;
    }

    private Optional<SummaryRow> customer(String customerId, String name, YearMonth period) {
        CustomerAccount account = inputs.account(customerId, period);
        Currency currency = account.billingCurrency();
        Set<String> notes = new LinkedHashSet<>();
        boolean[] any = {false};

        BigDecimal partnerInvoice = BigDecimal.ZERO;
        for (Map<String, Object> row : jdbc.queryForList("SELECT subtotal, currency, pricing_currency, charge_start_date "
                + "FROM partner_invoice_row WHERE customer_id = ? AND charge_start_date BETWEEN ? AND ?", customerId,
                period.atDay(1), period.atEndOfMonth())) {
            any[0] = true;
            Currency from = Currency.getInstance((String) (row.get("currency") != null ? row.get("currency")
                    : row.get("pricing_currency")));
            LocalDate date = toLocalDate(row.get("charge_start_date"));
            BigDecimal subtotal = (BigDecimal) row.get("subtotal");
            Optional<CurrencyConverter.AppliedRate> rate = converter.rate(from, currency, date);
            if (rate.isEmpty()) {
                notes.add("partner invoice cost incomplete: " + CurrencyConverter.missingReason(from, currency, date));
            } else {
                partnerInvoice = partnerInvoice.add(rate.get().apply(subtotal), Money.MATH);
            }
        }

        var usage = inputs.usage(customerId, period, computePrices);
        any[0] |= !usage.isEmpty();
        CustomerAccount withoutMarkup = new CustomerAccount(customerId, currency, BigDecimal.ZERO,
                account.resellerAtPeriodEnd());
        UsageLines.Result usageLines = new UsageLines(converter).build(withoutMarkup, usage);
        BigDecimal usageCost = BigDecimal.ZERO;
        for (InvoiceLine line : usageLines.lines()) {
            usageCost = usageCost.add(line.amount().amount());
        }
        if (!usageLines.problems().isEmpty()) {
            notes.add("usage cost not computed: " + String.join("; ", usageLines.problems()));
        }

        BigDecimal billed = BigDecimal.ZERO;
        for (Map<String, Object> row : jdbc.queryForList("SELECT i.currency, r.total FROM invoice i JOIN invoice_revision r "
                + "ON r.invoice_number = i.invoice_number AND r.revision = i.latest_revision "
                + "WHERE i.period = ? AND i.customer_id = ?", period.toString(), customerId)) {
            any[0] = true;
            Currency invoiceCurrency = Currency.getInstance((String) row.get("currency"));
            BigDecimal total = (BigDecimal) row.get("total");
            if (invoiceCurrency.equals(currency)) {
                billed = billed.add(total);
            } else {
                Optional<CurrencyConverter.AppliedRate> rate = converter.rate(invoiceCurrency, currency, period.atEndOfMonth());
                rate.ifPresentOrElse(r -> notes.add("an invoice in " + invoiceCurrency + " converted at the period end"),
                        () -> notes.add("an invoice in " + invoiceCurrency + " left out: no rate"));
                if (rate.isPresent()) {
                    billed = billed.add(rate.get().apply(total), Money.MATH);
                }
            }
        }

        ReservationTotals reservations = new ReservationTotals();
        jdbc.query("SELECT usage_date, currency, SUM(capacity_units), SUM(used_units), SUM(payg_equivalent), SUM(savings), "
                + "COUNT(*), COUNT(payg_equivalent) FROM reservation_day WHERE customer_id = ? AND usage_date BETWEEN ? AND ? "
                + "GROUP BY usage_date, currency ORDER BY usage_date, currency", rs -> {
                    any[0] = true;
                    LocalDate date = rs.getObject(1, LocalDate.class);
                    Currency from = Currency.getInstance(rs.getString(2));
                    reservations.capacity = reservations.capacity.add(rs.getBigDecimal(3));
                    reservations.used = reservations.used.add(rs.getBigDecimal(4));
                    if (rs.getLong(7) != rs.getLong(8)) {
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
                    reservations.payg = reservations.payg.add(rate.get().apply(rs.getBigDecimal(5)), Money.MATH);
                    reservations.savings = reservations.savings.add(rate.get().apply(rs.getBigDecimal(6)), Money.MATH);
                }, customerId, period.atDay(1), period.atEndOfMonth());

        if (!any[0]) {
            return Optional.empty();
        }
        String reseller = account.resellerAtPeriodEnd().isDirect() ? null : account.resellerAtPeriodEnd().resellerId();
        return Optional.of(new SummaryRow(SummaryLevel.CUSTOMER, reseller, customerId, name, currency, partnerInvoice,
                usageCost, billed, reservations.paygKnown ? reservations.payg : null,
                reservations.paygKnown ? reservations.savings : null, reservations.capacity, reservations.used,
                notes.isEmpty() ? null : String.join("; ", notes)));
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
