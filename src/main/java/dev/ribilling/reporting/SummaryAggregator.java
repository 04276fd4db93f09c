package dev.ribilling.reporting;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the Summary sheet from the customers' rows: each reseller's customers followed by the reseller's
 * subtotal per currency, then a total per currency, then the partner total in the partner's currency.
 *
 * <p>Customer amounts are rounded to their currency's minor units first and the subtotals add the rounded
 * figures, so every total equals the sum of the cells above it and the billed total equals the sum of the
 * month's invoices to the cent. Only the partner total is converted: each currency total × its rate, summed at
 * full precision and rounded once. A currency without a rate is left out of the partner total and named in its
 * note; so are PAYG equivalents that were missing, which make a total's PAYG and savings incomplete.
 */
public final class SummaryAggregator {

    static final String DIRECT = "(direct)";

    private SummaryAggregator() {
    }

    /**
     * @param rateToPartnerCurrency units of the partner currency per 1 unit of the given currency, null when none
     */
    public static List<SummaryRow> summarize(List<SummaryRow> customers, Currency partnerCurrency,
            Function<Currency, BigDecimal> rateToPartnerCurrency) {
        Map<String, List<SummaryRow>> byReseller = new TreeMap<>(Comparator.comparing((String id) -> !id.equals(DIRECT))
                .thenComparing(Comparator.naturalOrder()));
        for (SummaryRow customer : customers) {
            if (customer.level() != SummaryLevel.CUSTOMER) {
                throw new IllegalArgumentException("expected customer rows, got " + customer.level());
            }
            byReseller.computeIfAbsent(Objects.requireNonNullElse(customer.resellerId(), DIRECT), k -> new ArrayList<>())
                    .add(rounded(customer));
        }
        List<SummaryRow> sheet = new ArrayList<>();
        Map<Currency, Totals> byCurrency = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        for (Map.Entry<String, List<SummaryRow>> reseller : byReseller.entrySet()) {
            Map<Currency, Totals> resellerTotals = new LinkedHashMap<>();
            reseller.getValue().sort(Comparator.comparing(SummaryRow::customerId));
            for (SummaryRow customer : reseller.getValue()) {
                sheet.add(customer);
                resellerTotals.computeIfAbsent(customer.currency(), Totals::new).add(customer);
                byCurrency.computeIfAbsent(customer.currency(), Totals::new).add(customer);
            }
            String resellerId = reseller.getKey();
            resellerTotals.values().stream().sorted(Comparator.comparing(t -> t.currency.getCurrencyCode()))
                    .forEach(t -> sheet.add(t.row(SummaryLevel.RESELLER, resellerId, resellerId + " total")));
        }
        byCurrency.values().forEach(t -> sheet.add(t.row(SummaryLevel.CURRENCY_TOTAL, null, "Total " + t.currency)));
        sheet.add(partnerTotal(byCurrency, partnerCurrency, rateToPartnerCurrency));
        return sheet;
    }

    private static SummaryRow partnerTotal(Map<Currency, Totals> byCurrency, Currency partnerCurrency,
            Function<Currency, BigDecimal> rateToPartnerCurrency) {
        Totals partner = new Totals(partnerCurrency);
        TreeSet<String> withoutRate = new TreeSet<>();
        for (Totals total : byCurrency.values()) {
            BigDecimal rate = total.currency.equals(partnerCurrency) ? BigDecimal.ONE
                    : rateToPartnerCurrency.apply(total.currency);
            if (rate == null) {
                withoutRate.add(total.currency.getCurrencyCode());
            } else {
                partner.addConverted(total, rate);
            }
        }
        SummaryRow row = partner.row(SummaryLevel.PARTNER_TOTAL, null, "Partner total " + partnerCurrency);
        SummaryRow roundedRow = rounded(row);
        String note = withoutRate.isEmpty() ? roundedRow.note()
                : join(roundedRow.note(), "without " + String.join(", ", withoutRate) + ": no exchange rate");
        return withNote(roundedRow, note);
    }

    private static SummaryRow rounded(SummaryRow row) {
        Currency c = row.currency();
        return new SummaryRow(row.level(), row.resellerId(), row.customerId(), row.customerName(), c,
                Money.round(row.partnerInvoiceCost(), c), Money.round(row.usageCost(), c),
                Money.round(row.billedAmount(), c), roundOrNull(row.paygEquivalent(), c), roundOrNull(row.savings(), c),
                row.capacityUnits(), row.usedUnits(), row.note());
    }

    private static BigDecimal roundOrNull(BigDecimal amount, Currency currency) {
        return amount == null ? null : Money.round(amount, currency);
    }

    private static SummaryRow withNote(SummaryRow r, String note) {
        return new SummaryRow(r.level(), r.resellerId(), r.customerId(), r.customerName(), r.currency(),
                r.partnerInvoiceCost(), r.usageCost(), r.billedAmount(), r.paygEquivalent(), r.savings(),
                r.capacityUnits(), r.usedUnits(), note);
    }

    private static String join(String first, String second) {
        return first == null ? second : first + "; " + second;
    }

    /** Running sums of one group of rows in one currency. */
    private static final class Totals {
        final Currency currency;
        BigDecimal partnerInvoiceCost = BigDecimal.ZERO;
        BigDecimal usageCost = BigDecimal.ZERO;
        BigDecimal billedAmount = BigDecimal.ZERO;
        BigDecimal paygEquivalent = BigDecimal.ZERO;
        BigDecimal savings = BigDecimal.ZERO;
        BigDecimal capacityUnits = BigDecimal.ZERO;
        BigDecimal usedUnits = BigDecimal.ZERO;
        boolean paygIncomplete;

        Totals(Currency currency) {
            this.currency = currency;
        }

        void add(SummaryRow row) {
            partnerInvoiceCost = partnerInvoiceCost.add(row.partnerInvoiceCost());
            usageCost = usageCost.add(row.usageCost());
            billedAmount = billedAmount.add(row.billedAmount());
            addPayg(row.paygEquivalent(), row.savings(), BigDecimal.ONE);
            capacityUnits = capacityUnits.add(row.capacityUnits());
            usedUnits = usedUnits.add(row.usedUnits());
        }

        void addConverted(Totals other, BigDecimal rate) {
            partnerInvoiceCost = partnerInvoiceCost.add(other.partnerInvoiceCost.multiply(rate), Money.MATH);
            usageCost = usageCost.add(other.usageCost.multiply(rate), Money.MATH);
            billedAmount = billedAmount.add(other.billedAmount.multiply(rate), Money.MATH);
            addPayg(other.paygEquivalent, other.savings, rate);
            paygIncomplete |= other.paygIncomplete;
            capacityUnits = capacityUnits.add(other.capacityUnits);
            usedUnits = usedUnits.add(other.usedUnits);
        }

        private void addPayg(BigDecimal payg, BigDecimal saved, BigDecimal rate) {
            if (payg == null || saved == null) {
                paygIncomplete = true;
                return;
            }
            paygEquivalent = paygEquivalent.add(payg.multiply(rate), Money.MATH);
            savings = savings.add(saved.multiply(rate), Money.MATH);
        }

        SummaryRow row(SummaryLevel level, String resellerId, String name) {
            return new SummaryRow(level, resellerId, null, name, currency, partnerInvoiceCost, usageCost, billedAmount,
                    paygEquivalent, savings, capacityUnits, usedUnits,
                    paygIncomplete ? "PAYG equivalent and savings incomplete: missing compute prices" : null);
        }
    }
}
