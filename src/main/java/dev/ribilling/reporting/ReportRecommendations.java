package dev.ribilling.reporting;

import dev.ribilling.billing.Money;
import dev.ribilling.ingest.StoredReservation;
import dev.ribilling.invoicing.InvoiceInputs;
import dev.ribilling.invoicing.ReservationPriceLookup;
import dev.ribilling.invoicing.Term;
import dev.ribilling.matching.CustomerDay;
import dev.ribilling.matching.CustomerDayMatcher;
import dev.ribilling.matching.DayUsage;
import dev.ribilling.matching.IsfEntry;
import dev.ribilling.matching.IsfTable;
import dev.ribilling.matching.MatchReferenceData;
import dev.ribilling.matching.MatchStore;
import dev.ribilling.matching.RowOutcome;
import dev.ribilling.matching.RowResult;
import dev.ribilling.matching.UsageRow;
import dev.ribilling.pricing.ComputePriceResolver;
import dev.ribilling.pricing.Utilization;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Recommendations sheet, computed customer by customer over the last {@value #WINDOW_DAYS} days of the period.
 *
 * <p>Buy: the customer's usage of each day of the window is matched again with the same engine and reservations
 * as the match job ({@link CustomerDayMatcher}), which gives, row by row and hour by hour, the demand that no
 * existing reservation covered, exactly as matching decided it (scopes, ISF, order). The uncovered units of
 * eligible VM rows are summed per hour and per (region, ISF group; the size itself when it has no group); a daily
 * row's units are spread evenly over its 24 hours. {@link RecommendationCalculator#recommendPurchase} then finds
 * the normalized quantity that maximises net savings over the window. Prices are per normalized unit, in the
 * partner currency, on the period's last day: the first size of the group (smallest ratio, then name) with both a
 * Linux compute price and a one-year Reservation price in the price sheet, each divided by its ratio (the
 * reservation price also by 8,760 hours).
 *
 * <p>Reduce: each reservation still active after the period whose utilization over the window is well below its
 * break-even (amortized hourly price per instance ÷ the compute price of its SKU).
 *
 * <p>Memory is one customer's hourly series per group (720 values) at a time.
 */
final class ReportRecommendations {

    static final int WINDOW_DAYS = 30;
    static final int WINDOW_HOURS = WINDOW_DAYS * 24;
    private static final BigDecimal HOURS_PER_YEAR = new BigDecimal("8760");
    private static final BigDecimal HOURS_PER_DAY = new BigDecimal("24");

    private final ReportJdbc db;
    private final MatchStore store;
    private final ComputePriceResolver computePrices;
    private final ReservationPriceLookup reservationPrices;
    private final RecommendationCalculator calculator;
    private final Currency currency;

    ReportRecommendations(ReportJdbc db, MatchStore store, ComputePriceResolver computePrices,
            ReservationPriceLookup reservationPrices, RecommendationCalculator calculator, Currency currency) {
        this.db = db;
        this.store = store;
        this.computePrices = computePrices;
        this.reservationPrices = reservationPrices;
        this.calculator = calculator;
        this.currency = currency;
    }

    RowSource<Recommendation> source(YearMonth period, Map<String, List<StoredReservation>> byCustomer) {
        return () -> {
            LocalDate to = period.atEndOfMonth();
            LocalDate from = to.minusDays(WINDOW_DAYS - 1);
            TreeSet<String> customers = new TreeSet<>(db.plain().queryForList(
                    "SELECT DISTINCT customer_id FROM usage_customer_day WHERE usage_date BETWEEN ? AND ?", String.class, from, to));
            customers.addAll(db.plain().queryForList(
                    "SELECT DISTINCT customer_id FROM reservation_day WHERE usage_date BETWEEN ? AND ?", String.class, from, to));
            Reference reference = Reference.load(db);
            // Lazy per customer: each customer's queries finish before its rows are written.
            return customers.stream().flatMap(customerId -> forCustomer(customerId, from, to, reference,
                    byCustomer.getOrDefault(customerId, List.of())).stream());
        };
    }

    private List<Recommendation> forCustomer(String customerId, LocalDate from, LocalDate to, Reference reference,
            List<StoredReservation> reservations) {
        Map<GroupKey, BigDecimal[]> series = new TreeMap<>();
        Map<Long, MatchStore.LineAttributes> lines = new HashMap<>(); // this customer's lines, read once
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            DayUsage usage = store.usage(customerId, day, lines);
            if (usage.rows().isEmpty()) {
                continue;
            }
            CustomerDay matched = reference.matcher.match(customerId, day, usage, reservations);
            Map<Long, UsageRow> rows = new HashMap<>();
            for (UsageRow row : usage.rows()) {
                rows.put(row.id(), row);
            }
            int dayIndex = (int) (day.toEpochDay() - from.toEpochDay());
            for (RowResult result : matched.match().rows()) {
                UsageRow row = rows.get(result.usageId());
                BigDecimal units = result.uncoveredUnits();
                if (result.outcome() != RowOutcome.ELIGIBLE || units.signum() <= 0 || row == null || row.vmSize() == null) {
                    continue;
                }
                IsfTable.Sizing sizing = reference.isf.sizing(row.vmSize());
                GroupKey key = new GroupKey(row.region(), sizing.group() != null ? sizing.group() : row.vmSize(),
                        sizing.group() != null);
                BigDecimal[] hours = series.computeIfAbsent(key, k -> zeros());
                if (result.slot().isDaily()) {
                    BigDecimal perHour = units.divide(HOURS_PER_DAY, Money.MATH);
                    for (int h = 0; h < 24; h++) {
                        hours[dayIndex * 24 + h] = hours[dayIndex * 24 + h].add(perHour);
                    }
                } else {
                    int h = dayIndex * 24 + result.slot().hourOfDay();
                    hours[h] = hours[h].add(units);
                }
            }
        }
        List<Recommendation> out = new ArrayList<>();
        series.forEach((key, hours) -> buy(customerId, key, hours, reference, to).ifPresent(out::add));
        out.addAll(reduce(customerId, from, to, reservations, reference));
        return out;
    }

    private Optional<Recommendation> buy(String customerId, GroupKey key, BigDecimal[] hours, Reference reference,
            LocalDate date) {
        List<BigDecimal> levels = Arrays.stream(hours).filter(h -> h.signum() > 0).toList();
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        List<IsfEntry> sizes = key.flexible() ? reference.sizesOf(key.group()) : List.of(new IsfEntry("", key.group(),
                BigDecimal.ONE));
        for (IsfEntry size : sizes) {
            Optional<BigDecimal> payg = computePrices.pricePerHour(size.skuName(), key.region(), date, currency);
            Optional<BigDecimal> reservation = reservationPrices.instancePrice(size.skuName(), key.region(), Term.P1Y,
                    date, currency);
            if (payg.isEmpty() || reservation.isEmpty() || payg.get().signum() <= 0) {
                continue;
            }
            BigDecimal ratio = size.ratio();
            String normalized = key.flexible() ? sizes.stream().filter(s -> s.ratio().compareTo(BigDecimal.ONE) == 0)
                    .map(IsfEntry::skuName).findFirst().orElse(null) : size.skuName();
            RecommendationScope scope = new RecommendationScope(customerId, key.region(),
                    key.flexible() ? reference.groupName(key.group()) : null, normalized, currency,
                    reservation.get().divide(ratio, Money.MATH).divide(HOURS_PER_YEAR, Money.MATH),
                    payg.get().divide(ratio, Money.MATH));
            return calculator.recommendPurchase(scope, levels, WINDOW_HOURS).map(r -> withNote(r,
                    "P1Y; priced on " + size.skuName() + " (ratio " + ratio.stripTrailingZeros().toPlainString()
                            + "); quantity in normalized units"));
        }
        return Optional.empty();
    }

    private static Recommendation withNote(Recommendation r, String note) {
        return new Recommendation(r.kind(), r.customerId(), r.region(), r.flexibilityGroup(), r.sku(), r.reservationId(),
                r.currentQuantity(), r.recommendedQuantity(), r.windowHours(), r.currency(), r.riHourly(), r.paygHourly(),
                r.costWithoutReservations(), r.costWithReservations(), r.windowSavings(), r.expectedMonthlySavings(),
                r.breakEvenUtilization(), r.utilization(), note);
    }

    private List<Recommendation> reduce(String customerId, LocalDate from, LocalDate to,
            List<StoredReservation> reservations, Reference reference) {
        Map<String, BigDecimal[]> usage = new HashMap<>();
        db.plain().query("SELECT reservation_id, SUM(capacity_units), SUM(used_units) FROM reservation_day "
                + "WHERE customer_id = ? AND usage_date BETWEEN ? AND ? GROUP BY reservation_id", rs -> {
                    usage.put(rs.getString(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
                }, customerId, from, to);
        List<Recommendation> out = new ArrayList<>();
        for (StoredReservation r : reservations) {
            BigDecimal[] sums = usage.get(r.reservationId());
            if (sums == null || !r.activeUntil().isAfter(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                continue;
            }
            Optional<BigDecimal> payg = computePrices.pricePerHour(r.skuName(), r.region(), to, r.pricingCurrency());
            if (payg.isEmpty()) {
                continue;
            }
            long termDays = InvoiceInputs.terms(r).termDays();
            BigDecimal riHourly = r.totalPrice().divide(r.quantity(), Money.MATH)
                    .divide(BigDecimal.valueOf(termDays * 24), Money.MATH);
            IsfTable.Sizing sizing = reference.isf.sizing(r.skuName());
            ReservationUsageFacts facts = new ReservationUsageFacts(r.reservationId(), customerId, r.region(),
                    r.instanceFlexibility() && sizing.group() != null ? reference.groupName(sizing.group()) : null,
                    r.skuDisplay(), r.quantity(), Utilization.of(sums[1], sums[0]), r.pricingCurrency(), riHourly,
                    payg.get());
            calculator.recommendReduction(facts).ifPresent(out::add);
        }
        return out;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] hours = new BigDecimal[WINDOW_HOURS];
        Arrays.fill(hours, BigDecimal.ZERO);
        return hours;
    }

    private record GroupKey(String region, String group, boolean flexible) implements Comparable<GroupKey> {
        @Override
        public int compareTo(GroupKey other) {
            return Comparator.comparing(GroupKey::region).thenComparing(GroupKey::group)
                    .thenComparing(GroupKey::flexible).compare(this, other);
        }
    }

    /** The engine and the isf table, loaded once per report. */
    private static final class Reference {
        final CustomerDayMatcher matcher;
        final IsfTable isf;
        final Map<String, List<IsfEntry>> byGroup;
        final Map<String, String> groupNames;

        private Reference(CustomerDayMatcher matcher, IsfTable isf, Map<String, List<IsfEntry>> byGroup,
                Map<String, String> groupNames) {
            this.matcher = matcher;
            this.isf = isf;
            this.byGroup = byGroup;
            this.groupNames = groupNames;
        }

        static Reference load(ReportJdbc db) {
            List<IsfEntry> entries = new ArrayList<>();
            db.plain().query("SELECT isf_group, arm_sku_name, ratio FROM isf_ratio", rs -> {
                entries.add(new IsfEntry(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)));
            });
            IsfTable isf = IsfTable.of(entries);
            Map<String, List<IsfEntry>> byGroup = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            for (IsfEntry e : entries) {
                String group = isf.group(e.skuName());
                if (group != null) {
                    byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(e);
                    names.putIfAbsent(group, e.group().trim());
                }
            }
            byGroup.values().forEach(list -> list.sort(Comparator.comparing(IsfEntry::ratio)
                    .thenComparing(IsfEntry::skuName)));
            return new Reference(MatchReferenceData.load(db.plain()).matcher(), isf, byGroup, names);
        }

        List<IsfEntry> sizesOf(String group) {
            return byGroup.getOrDefault(group, List.of());
        }

        String groupName(String group) {
            return groupNames.getOrDefault(group, group);
        }
    }
}
