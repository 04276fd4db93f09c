package dev.ribilling.reporting;

import dev.ribilling.batch.RunRecordWriter;
import dev.ribilling.billing.Money;
import dev.ribilling.ingest.InputKind;
import dev.ribilling.ingest.PartnerInvoiceRow;
import dev.ribilling.ingest.ReservationRepository;
import dev.ribilling.ingest.StoredReservation;
import dev.ribilling.invoicing.CurrencyConverter;
import dev.ribilling.invoicing.CustomerAccount;
import dev.ribilling.invoicing.InvoiceInputs;
import dev.ribilling.invoicing.ReservationCharge;
import dev.ribilling.invoicing.ReservationCharges;
import dev.ribilling.invoicing.ReservationTerms;
import dev.ribilling.invoicing.UsageCharge;
import dev.ribilling.matching.MatchStore;
import dev.ribilling.pricing.ComputePriceResolver;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Reads everything the reconciliation workbook shows for a period from the database. Summary is computed up front
 * (one row per customer); every other sheet is a {@link RowSource} that queries when the writer opens it, the large
 * ones ({@code Utilization}, {@code Uncovered usage}, {@code Rejected rows}) as streamed result sets, so memory
 * does not grow with the number of reservations or usage lines.
 */
@Component
public class ReconciliationDataLoader {

    private final JdbcTemplate jdbc;
    private final InvoiceInputs inputs;
    private final ReservationRepository reservationRepository;
    private final MatchStore matchStore;
    private final Currency partnerCurrency;
    private final BigDecimal utilizationThreshold;
    private final VarianceTolerance tolerance;
    private final BigDecimal feePct;

    public ReconciliationDataLoader(JdbcTemplate jdbc, InvoiceInputs inputs, ReservationRepository reservationRepository,
            MatchStore matchStore, @Value("${billing.partner-currency:USD}") String partnerCurrency,
            @Value("${billing.utilization-threshold:0.80}") BigDecimal utilizationThreshold,
            @Value("${billing.variance-tolerance:0.01}") BigDecimal varianceTolerance,
            @Value("${billing.variance-tolerance-per-unit:0.01}") BigDecimal varianceTolerancePerUnit,
            @Value("${billing.early-termination-fee-pct:0}") BigDecimal feePct) {
        this.jdbc = jdbc;
        this.inputs = inputs;
        this.reservationRepository = reservationRepository;
        this.matchStore = matchStore;
        this.partnerCurrency = Currency.getInstance(partnerCurrency);
        this.utilizationThreshold = utilizationThreshold;
        this.tolerance = new VarianceTolerance(varianceTolerance, varianceTolerancePerUnit);
        this.feePct = feePct;
    }

    /** @param parameters what the run was asked to do, listed on Run info after the report settings */
    public ReconciliationData load(YearMonth period, Map<String, String> parameters) {
        ReportJdbc db = new ReportJdbc(jdbc);
        CurrencyConverter converter = new CurrencyConverter(inputs.fxRates());
        ComputePriceResolver computePrices = inputs.computePrices();
        ReservationCharges charges = new ReservationCharges(inputs.reservationPrices(), feePct);
        Map<String, StoredReservation> reservations = new TreeMap<>();
        Map<String, List<StoredReservation>> byCustomer = new TreeMap<>();
        for (StoredReservation r : reservationRepository.all()) {
            reservations.put(r.reservationId(), r);
            byCustomer.computeIfAbsent(r.customerId(), c -> new ArrayList<>()).add(r);
        }
        LocalDate end = period.atEndOfMonth();
        List<SummaryRow> customers = new CustomerSummaries(jdbc, inputs, converter, computePrices).customers(period);
        List<SummaryRow> summary = SummaryAggregator.summarize(customers, partnerCurrency,
                c -> converter.rate(c, partnerCurrency, end).map(CurrencyConverter.AppliedRate::factor).orElse(null));
        Map<String, String> runParameters = new LinkedHashMap<>();
        runParameters.put("PartnerCurrency", partnerCurrency.getCurrencyCode());
        runParameters.put("PartnerTotalFxDate", end.toString());
        runParameters.put("VarianceTolerance", tolerance.absolute().toPlainString() + " or "
                + tolerance.perQuantityUnit().toPlainString() + " per unit of Quantity");
        runParameters.put("EarlyTerminationFeePct", feePct.toPlainString());
        runParameters.put("RecommendationWindowDays", Integer.toString(ReportRecommendations.WINDOW_DAYS));
        parameters.forEach((name, value) -> {
            if (value != null) {
                runParameters.put(name, value);
            }
        });
        RunInfo runInfo = new RunInfo(Instant.now(), RunRecordWriter.version(), database(), runParameters, inputFiles());
        RecommendationCalculator recommendationCalculator = new RecommendationCalculator(new BigDecimal("0.10"));
        return ReconciliationData.builder(period, runInfo)
                .utilizationThreshold(utilizationThreshold)
                .summary(summary)
                .utilization(() -> utilization(db, period), () -> dailyUtilization(db, period))
                .uncoveredUsage(() -> uncoveredUsage(db, period, converter))
                .variance(() -> variance(period, reservations.values(), charges).stream())
                .alerts(new ReportAlerts(db, new AlertRules(utilizationThreshold, 90, new BigDecimal("0.80")), charges,
                        converter).source(period, reservations))
                .recommendations(new ReportRecommendations(db, matchStore, computePrices, inputs.reservationPrices(),
                        recommendationCalculator, partnerCurrency).source(period, byCustomer))
                .rejectedRows(() -> rejectedRows(db))
                .build();
    }

    /** One row per reservation with capacity in the period: sums of the unrounded daily values, as the CSV. */
    private static Stream<ReservationUtilizationRow> utilization(ReportJdbc db, YearMonth period) {
        return db.streaming().queryForStream("SELECT d.reservation_id, r.reservation_order_id, r.customer_id, "
                + "r.reseller_id, r.sku_display, r.region, r.quantity, r.expiry, r.cancelled_at, SUM(d.capacity_units), "
                + "SUM(d.used_units), SUM(d.amortized_cost), SUM(d.payg_equivalent), SUM(d.savings), COUNT(*), "
                + "COUNT(d.payg_equivalent), MIN(d.currency) FROM reservation_day d "
                + "JOIN reservation r ON r.reservation_id = d.reservation_id WHERE d.usage_date BETWEEN ? AND ? "
                + "GROUP BY d.reservation_id, r.reservation_order_id, r.customer_id, r.reseller_id, r.sku_display, "
                + "r.region, r.quantity, r.expiry, r.cancelled_at HAVING SUM(d.capacity_units) > 0 "
                + "ORDER BY d.reservation_id", (rs, n) -> {
                    Instant expiry = rs.getTimestamp(8).toInstant();
                    java.sql.Timestamp cancelled = rs.getTimestamp(9);
                    Instant until = cancelled != null && cancelled.toInstant().isBefore(expiry) ? cancelled.toInstant()
                            : expiry;
                    boolean paygKnown = rs.getLong(15) == rs.getLong(16);
                    return new ReservationUtilizationRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7).stripTrailingZeros(),
                            until.atZone(ZoneOffset.UTC).toLocalDate(), rs.getBigDecimal(10), rs.getBigDecimal(11),
                            rs.getBigDecimal(12), paygKnown ? rs.getBigDecimal(13) : null,
                            paygKnown ? rs.getBigDecimal(14) : null, Currency.getInstance(rs.getString(17)));
                }, period.atDay(1), period.atEndOfMonth());
    }

    private static Stream<DailyUtilizationPoint> dailyUtilization(ReportJdbc db, YearMonth period) {
        return db.streaming().queryForStream("SELECT usage_date, SUM(capacity_units), SUM(used_units) FROM reservation_day "
                + "WHERE usage_date BETWEEN ? AND ? GROUP BY usage_date ORDER BY usage_date",
                (rs, n) -> new DailyUtilizationPoint(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2),
                        rs.getBigDecimal(3)), period.atDay(1), period.atEndOfMonth());
    }

    /**
     * PAYG usage no reservation covered, per customer, subscription, VM size (or MeterCategory), region and
     * PricingModel: uncovered hours, and uncovered hours × UnitPrice without markup converted to the customer's
     * currency at each usage date (the invoice's conversion rule). Rows rejected for overlapping hourly usage are
     * not billed and not shown. Streamed by customer; one customer's lines are summed at a time.
     */
    private Stream<UncoveredUsageRow> uncoveredUsage(ReportJdbc db, YearMonth period, CurrencyConverter converter) {
        Map<String, CustomerAccount> accounts = new TreeMap<>();
        for (String customerId : inputs.customers(null)) {
            accounts.put(customerId, inputs.account(customerId, period));
        }
        Stream<UsageCharge> rows = db.streaming().queryForStream("SELECT c.customer_id, "
                + "COALESCE(l.subscription_display, l.subscription_id), "
                + "l.meter_category, l.vm_size_display, l.region, l.pricing_model, c.usage_date, c.uncovered_hours, "
                + "c.unit_price, l.pricing_currency FROM usage_coverage c JOIN usage_line l ON l.id = c.line_id "
                + "WHERE c.usage_date BETWEEN ? AND ? AND c.outcome <> 'OVERLAPS_HOURLY_USAGE' AND c.uncovered_hours <> 0 "
                + "ORDER BY c.customer_id", (rs, n) -> new UsageCharge(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getBigDecimal(8), BigDecimal.ZERO, rs.getBigDecimal(9), Currency.getInstance(rs.getString(10)),
                        null), period.atDay(1), period.atEndOfMonth());
        return ReportJdbc.foldGroups(rows, UsageCharge::customerId, UncoveredGroup::new, (group, row) -> {
            CustomerAccount account = accounts.get(row.customerId());
            group.add(row, account == null ? row.pricingCurrency() : account.billingCurrency(), converter);
        }, UncoveredGroup::rows);
    }

    /** One customer's uncovered usage, summed per line key. */
    private static final class UncoveredGroup {
        final Map<List<String>, BigDecimal[]> lines = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)).thenComparing(k -> k.get(3))
                .thenComparing(k -> k.get(4)));
        String customerId;
        Currency currency;

        void add(UsageCharge row, Currency customerCurrency, CurrencyConverter converter) {
            customerId = row.customerId();
            currency = customerCurrency;
            List<String> key = List.of(row.subscriptionId(), row.skuOrMeterCategory(), String.valueOf(row.region()),
                    row.pricingModel(), "");
            BigDecimal[] sums = lines.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(row.quantity());
            if (sums[1] == null) {
                return;
            }
            BigDecimal amount = row.quantity().multiply(row.unitPrice(), Money.MATH);
            Optional<CurrencyConverter.AppliedRate> rate = converter.rate(row.pricingCurrency(), customerCurrency,
                    row.usageDate());
            sums[1] = rate.isEmpty() ? (amount.signum() == 0 ? sums[1] : null) : sums[1].add(rate.get().apply(amount),
                    Money.MATH);
        }

        Stream<UncoveredUsageRow> rows() {
            List<UncoveredUsageRow> out = new ArrayList<>();
            lines.forEach((key, sums) -> out.add(new UncoveredUsageRow(customerId, key.get(0), key.get(1),
                    key.get(2).equals("null") ? null : key.get(2), key.get(3).isEmpty() ? null : key.get(3), sums[0],
                    sums[1], currency)));
            return out.stream();
        }
    }

    /**
     * Microsoft's rows charged in the period against our reservation lines of the period before markup: the invoice
     * rules ({@link ReservationCharges}) applied to each reservation with its markup set to 0, in PricingCurrency.
     */
    List<VarianceRow> variance(YearMonth period, Iterable<StoredReservation> reservations, ReservationCharges charges) {
        List<PartnerInvoiceRow> microsoft = jdbc.query("SELECT invoice_number, customer_id, charge_type, "
                + "reservation_order_id, charge_start_date, charge_end_date, quantity, unit_price, subtotal, "
                + "pricing_currency, pc_to_bc_rate, currency, reseller_mpn_id FROM partner_invoice_row "
                + "WHERE charge_start_date BETWEEN ? AND ?", (rs, n) -> new PartnerInvoiceRow(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                        Currency.getInstance(rs.getString(10)), rs.getBigDecimal(11),
                        rs.getString(12) == null ? null : Currency.getInstance(rs.getString(12)), rs.getString(13)),
                period.atDay(1), period.atEndOfMonth());
        List<ReservationLine> ours = new ArrayList<>();
        for (StoredReservation stored : reservations) {
            ReservationTerms terms = withoutMarkup(InvoiceInputs.terms(stored));
            for (ReservationCharge charge : charges.forMonth(terms, period)) {
                if (!charge.amount().isZero()) {
                    ours.add(new ReservationLine(stored.reservationOrderId(), stored.reservationId(), stored.customerId(),
                            charge.type(), charge.chargeDate(), charge.amount()));
                }
            }
        }
        return new VarianceCalculator(tolerance).compare(period, microsoft, ours);
    }

    static ReservationTerms withoutMarkup(ReservationTerms r) {
        return new ReservationTerms(r.reservationId(), r.reservationOrderId(), r.customerId(), r.sku(), r.region(),
                r.quantity(), r.term(), r.billingPlan(), r.benefitStart(), r.expiry(), r.totalPrice(), r.pricingCurrency(),
                r.status(), r.cancelledAt(), r.exchangedFrom(), r.partnerOfRecord(), BigDecimal.ZERO);
    }

    /** The rows rejected by the latest import of each input file, by file name and line. */
    private static Stream<RejectedRowRef> rejectedRows(ReportJdbc db) {
        return db.streaming().queryForStream("SELECT f.file_name, f.sha256, r.line_number, r.reason, r.raw_line "
                + "FROM rejected_row r JOIN input_file f ON f.id = r.file_id JOIN (SELECT file_id, MAX(job_instance_id) "
                + "AS job_instance_id FROM import_file_stats GROUP BY file_id) latest ON latest.file_id = r.file_id "
                + "AND latest.job_instance_id = r.job_instance_id ORDER BY f.file_name, f.sha256, r.line_number, r.id",
                (rs, n) -> new RejectedRowRef(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)));
    }

    /** Every input file with the counts of its latest import, in load order (kind, then path). */
    private List<RunInfo.InputFile> inputFiles() {
        List<Object[]> files = jdbc.query("SELECT s.path, s.kind, f.sha256, s.rows_read, s.rows_loaded, s.rows_rejected, "
                + "s.rows_duplicate, s.rows_skipped FROM import_file_stats s JOIN input_file f ON f.id = s.file_id "
                + "JOIN (SELECT file_id, MAX(job_instance_id) AS job_instance_id FROM import_file_stats GROUP BY file_id) "
                + "latest ON latest.file_id = s.file_id AND latest.job_instance_id = s.job_instance_id",
                (rs, n) -> new Object[] {InputKind.valueOf(rs.getString(2)), new RunInfo.InputFile(rs.getString(1),
                        InputKind.valueOf(rs.getString(2)).label(), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8))});
        files.sort(Comparator.comparing((Object[] f) -> (InputKind) f[0])
                .thenComparing(f -> ((RunInfo.InputFile) f[1]).path()).thenComparing(f -> ((RunInfo.InputFile) f[1]).sha256()));
        return files.stream().map(f -> (RunInfo.InputFile) f[1]).toList();
    }

    /** Product, version and URL (without parameters or credentials) of the database. */
    private String database() {
        Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
        try {
            var meta = connection.getMetaData();
            String url = meta.getURL() == null ? "" : meta.getURL().replaceAll("[?;].*$", "").replaceAll("//[^/@]*@", "//");
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " " + url;
        } catch (java.sql.SQLException e) {
            return "unknown";
        } finally {
            DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
        }
    }
}
