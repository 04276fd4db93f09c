package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;
import dev.ribilling.ingest.ReservationRepository;
import dev.ribilling.ingest.StoredReservation;
import dev.ribilling.pricing.ComputePriceResolver;
import dev.ribilling.pricing.FxConverter;
import dev.ribilling.pricing.FxTable;
import dev.ribilling.pricing.PriceSheet;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads what the invoice rules need from the database: the customer's account as in effect on the last day of
 * the period, its reservations as {@link ReservationTerms}, and its matched usage as {@link UsageCharge}s (one per
 * usage line, day and UnitPrice: the sums of its rows, which is all the line amounts depend on).
 */
@Repository
public class InvoiceInputs {

    private final JdbcTemplate jdbc;
    private final ReservationRepository reservations;

    public InvoiceInputs(JdbcTemplate jdbc, ReservationRepository reservations) {
        this.jdbc = jdbc;
        this.reservations = reservations;
    }

    /** Customers to invoice, in CustomerId order: all of them, or the one named. */
    public List<String> customers(String onlyCustomer) {
        if (onlyCustomer != null) {
            return dev.ribilling.ingest.CustomerTable.isLoaded(jdbc, onlyCustomer) ? List.of(onlyCustomer) : List.of();
        }
        return jdbc.queryForList("SELECT customer_id FROM customer ORDER BY customer_id", String.class);
    }

    /**
     * The version of the customer in effect on the last day of the period: the latest loaded before the end of that
     * day. A customers file has no effective date, so when every version was loaded after the period (a past month
     * billed from files loaded now), the latest loaded version is the customer as known: a change loaded in the same
     * import or afterwards replaces the older values "from then on" (contract section 2), and nothing says the older
     * ones were still in effect on the last day.
     */
    public CustomerAccount account(String customerId, YearMonth period) {
        Timestamp periodEnd = Timestamp.from(period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<Map<String, Object>> versions = jdbc.queryForList("SELECT billing_currency, payg_markup_pct, reseller_id, "
                + "valid_from FROM customer_version WHERE customer_id = ? ORDER BY version_no", customerId);
        Map<String, Object> chosen = versions.get(versions.size() - 1);
        for (Map<String, Object> v : versions) {
            Timestamp from = v.get("valid_from") instanceof Timestamp t ? t
                    : Timestamp.valueOf((java.time.LocalDateTime) v.get("valid_from"));
            if (from.before(periodEnd)) {
                chosen = v; // versions come in load order: the last one loaded before the period ended wins
            }
        }
        return new CustomerAccount(customerId, Currency.getInstance((String) chosen.get("billing_currency")),
                (BigDecimal) chosen.get("payg_markup_pct"), BillTo.of((String) chosen.get("reseller_id")));
    }

    public String customerName(String customerId) {
        return jdbc.queryForObject("SELECT customer_name FROM customer WHERE customer_id = ?", String.class, customerId);
    }

    public List<ReservationTerms> reservations(String customerId) {
        List<ReservationTerms> terms = new ArrayList<>();
        for (StoredReservation r : reservations.ofCustomer(customerId)) {
            terms.add(terms(r));
        }
        return terms;
    }

    public static ReservationTerms terms(StoredReservation r) {
        return new ReservationTerms(r.reservationId(), r.reservationOrderId(), r.customerId(), r.skuDisplay(), r.region(),
                r.quantity().intValueExact(), Term.parse(r.term()), r.billingPlan().equals("Monthly") ? BillingPlan.MONTHLY
                        : BillingPlan.UPFRONT, r.benefitStart(), r.expiry(), r.totalPrice(), r.pricingCurrency(),
                switch (r.status()) {
                    case "Cancelled" -> ReservationStatus.CANCELLED;
                    case "Exchanged" -> ReservationStatus.EXCHANGED;
                    default -> ReservationStatus.ACTIVE;
                }, r.cancelledAt(), r.exchangedFrom(), BillTo.of(r.resellerId()), r.reservationMarkupPct());
    }

    /** Usage rows of the period not yet matched (the invoice needs the match job's coverage). */
    public long unmatchedRows(String customerId, YearMonth period) {
        Long rows = jdbc.queryForObject("SELECT COALESCE(SUM(row_count), 0) FROM usage_customer_day WHERE customer_id = ? "
                + "AND usage_date BETWEEN ? AND ?",
                Long.class, customerId, period.atDay(1), period.atEndOfMonth());
        Long matched = jdbc.queryForObject("SELECT COALESCE(SUM(row_count), 0) FROM usage_coverage WHERE customer_id = ? "
                + "AND usage_date BETWEEN ? AND ?", Long.class, customerId, period.atDay(1), period.atEndOfMonth());
        return rows - matched;
    }

    /**
     * The customer's matched usage of the period. Daily rows rejected for overlapping hourly usage are left out: a
     * rejected row is never billed. The compute price (for SoftwareUsage) is looked up for covered usage only.
     */
    public List<UsageCharge> usage(String customerId, YearMonth period, ComputePriceResolver prices) {
        return jdbc.query("SELECT COALESCE(l.subscription_display, l.subscription_id), l.meter_category, l.vm_size, l.vm_size_display, l.region, "
                + "l.pricing_model, c.usage_date, c.quantity, c.covered_hours, c.unit_price, l.pricing_currency "
                + "FROM usage_coverage c JOIN usage_line l ON l.id = c.line_id WHERE c.customer_id = ? "
                + "AND c.usage_date BETWEEN ? AND ? AND c.outcome <> 'OVERLAPS_HOURLY_USAGE' "
                + "ORDER BY c.usage_date, c.line_id, c.unit_price", (rs, n) -> {
                    LocalDate date = rs.getObject(7, LocalDate.class);
                    BigDecimal covered = rs.getBigDecimal(9).stripTrailingZeros();
                    Currency currency = Currency.getInstance(rs.getString(11));
                    Money computePrice = null;
                    if (covered.signum() > 0 && rs.getString(3) != null) {
                        Optional<BigDecimal> price = prices.pricePerHour(rs.getString(3), rs.getString(5), date, currency);
                        computePrice = price.map(p -> new Money(p, currency)).orElse(null);
                    }
                    return new UsageCharge(customerId, rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(5),
                            rs.getString(6), date, rs.getBigDecimal(8).stripTrailingZeros(), covered,
                            rs.getBigDecimal(10), currency, computePrice);
                }, customerId, period.atDay(1), period.atEndOfMonth());
    }

    public ComputePriceResolver computePrices() {
        return new ComputePriceResolver(PriceSheet.load(jdbc), new FxConverter(FxTable.load(jdbc)));
    }

    /** All fx rows, for the contract's conversion rule. */
    public FxRates fxRates() {
        List<FxRate> rows = jdbc.query("SELECT rate_date, from_currency, to_currency, rate FROM fx_rate",
                (rs, n) -> new FxRate(rs.getObject(1, LocalDate.class), Currency.getInstance(rs.getString(2)),
                        Currency.getInstance(rs.getString(3)), rs.getBigDecimal(4)));
        return FxRates.of(rows);
    }

    /** The price sheet's Reservation rows: the price of one instance for the whole term, by effective date. */
    public ReservationPriceLookup reservationPrices() {
        Map<String, java.util.TreeMap<LocalDate, BigDecimal>> prices = new java.util.HashMap<>();
        jdbc.query("SELECT arm_sku_name, arm_region_name, reservation_term, currency_code, effective_start, unit_price "
                + "FROM price WHERE price_type = 'Reservation'", rs -> {
                    prices.computeIfAbsent(priceKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            k -> new java.util.TreeMap<>()).put(rs.getObject(5, LocalDate.class), rs.getBigDecimal(6));
                });
        return (sku, region, term, date, currency) -> {
            var byDate = prices.get(priceKey(dev.ribilling.billing.Identifiers.key(sku),
                    dev.ribilling.billing.Identifiers.region(region), term.years() == 1 ? "1 Year" : "3 Years",
                    currency.getCurrencyCode()));
            var entry = byDate == null ? null : byDate.floorEntry(date);
            return entry == null ? Optional.empty() : Optional.of(entry.getValue());
        };
    }

    private static String priceKey(String sku, String region, String term, String currency) {
        return sku + "|" + region + "|" + term + "|" + currency;
    }
}
