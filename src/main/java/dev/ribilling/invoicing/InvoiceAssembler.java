package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds one customer's invoices for one month from already loaded and matched inputs (contract
 * section 4): reservation lines to each reservation's frozen partner of record, usage lines to the
 * customer's reseller on the last day of the period, all in the customer's BillingCurrency. Each line
 * is rounded once; lines rounding to zero are left out; one invoice per bill-to party.
 */
public final class InvoiceAssembler {

    private final ReservationCharges reservationCharges;
    private final UsageLines usageLines;
    private final CurrencyConverter converter;

    public InvoiceAssembler(ReservationCharges reservationCharges, CurrencyConverter converter) {
        this.reservationCharges = Objects.requireNonNull(reservationCharges, "reservationCharges");
        this.converter = Objects.requireNonNull(converter, "converter");
        this.usageLines = new UsageLines(converter);
    }

    /**
     * @param reservations the customer's reservations (any status; those without a charge in the month
     *        contribute nothing)
     * @param usage the customer's matched usage rows dated in {@code month}
     */
    public CustomerInvoicing assemble(CustomerAccount account, YearMonth month, List<ReservationTerms> reservations,
            List<UsageCharge> usage) {
        Set<String> problems = new LinkedHashSet<>();
        List<InvoiceLine> lines = new ArrayList<>();
        for (ReservationTerms r : reservations.stream().sorted(Comparator.comparing(ReservationTerms::reservationId)).toList()) {
            if (!r.customerId().equals(account.customerId())) {
                throw new IllegalArgumentException("reservation " + r.reservationId() + " is not of " + account.customerId());
            }
            for (ReservationCharge charge : reservationCharges.forMonth(r, month)) {
                if (charge.amount().isZero()) {
                    continue; // e.g. a monthly refund on an instalment date: nothing to bill, so no rate needed
                }
                reservationLine(account, charge).ifPresentOrElse(lines::add, () -> problems.add(
                        CurrencyConverter.missingReason(charge.amount().currency(), account.billingCurrency(),
                                charge.chargeDate()) + " (" + charge.type() + " " + r.reservationId() + ")"));
            }
        }
        for (UsageCharge row : usage) {
            if (!YearMonth.from(row.usageDate()).equals(month)) {
                throw new IllegalArgumentException("usage row " + row.describe() + " is outside " + month);
            }
        }
        UsageLines.Result usageResult = usageLines.build(account, usage);
        problems.addAll(usageResult.problems());
        if (!problems.isEmpty()) {
            return new CustomerInvoicing.Skipped(account.customerId(), List.copyOf(problems));
        }
        lines.addAll(usageResult.lines());
        return new CustomerInvoicing.Issued(account.customerId(), invoices(account, month, lines));
    }

    private Optional<InvoiceLine> reservationLine(CustomerAccount account, ReservationCharge charge) {
        return converter.rate(charge.amount().currency(), account.billingCurrency(), charge.chargeDate()).map(rate -> {
            BigDecimal converted = rate.apply(charge.amount().amount());
            Money rounded = new Money(Money.round(converted, account.billingCurrency()), account.billingCurrency());
            String detail = charge.detail() + " " + charge.amount().currency().getCurrencyCode() + "; converted at "
                    + rate.describe() + " = " + Percent.plain(converted) + " "
                    + account.billingCurrency().getCurrencyCode();
            return new InvoiceLine(charge.type(), LineKey.reservation(charge), charge.description(),
                    BigDecimal.valueOf(charge.reservation().quantity()), "Instances", rounded, detail);
        });
    }

    /** Drops zero lines, groups by bill-to party, orders lines by key so every rerun prints the same. */
    private static List<Invoice> invoices(CustomerAccount account, YearMonth month, List<InvoiceLine> lines) {
        Map<BillTo, List<InvoiceLine>> byParty = new TreeMap<>();
        for (InvoiceLine line : lines) {
            if (line.amount().isZero()) {
                continue;
            }
            byParty.computeIfAbsent(line.key().billTo(), b -> new ArrayList<>()).add(line);
        }
        List<Invoice> invoices = new ArrayList<>();
        byParty.forEach((party, partyLines) -> {
            List<InvoiceLine> ordered = partyLines.stream().sorted(Comparator.comparing(InvoiceLine::key)).toList();
            requireUniqueKeys(ordered);
            invoices.add(new Invoice(account.customerId(), month, party, account.billingCurrency(), ordered));
        });
        return invoices;
    }

    private static void requireUniqueKeys(List<InvoiceLine> ordered) {
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).key().equals(ordered.get(i - 1).key())) {
                // Revisions compare line by key; two lines on one key would make adjustments ambiguous.
                throw new IllegalStateException("two lines share key " + ordered.get(i).key());
            }
        }
    }
}
