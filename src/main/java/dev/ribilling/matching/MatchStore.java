package dev.ribilling.matching;

import dev.ribilling.pricing.MissingPriceAlert;
import dev.ribilling.pricing.ReservationDayFigures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads a customer-day of usage for the engine and replaces the stored results of a customer-day: matching a day
 * again (late usage, a corrected input) never duplicates rows.
 */
@Repository
public class MatchStore {

    public static final String ALERT_SOURCE = "match";

    private final JdbcTemplate jdbc;

    public MatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DayUsage usage(String customerId, LocalDate date) {
        return usage(customerId, date, new java.util.HashMap<>());
    }

    /**
     * The descriptive columns of one usage line as the engine needs them: normalised and classified once, then
     * shared by every row of the line.
     */
    public record LineAttributes(String subscriptionId, String resourceGroup, String resourceUri, String region,
            String vmSize, Eligibility eligibility) {
    }

    /**
     * The id of a usage row for the engine: its input file and line ({@code fileId << 32 | lineNumber}). Unique
     * within a customer-day (a physical line is one usage row), and in load order, which the stored usage row ids
     * followed before usage was packed: the engine's canonical order, and so its results, are unchanged.
     */
    public static long usageId(long fileId, long lineNumber) {
        return fileId << 32 | lineNumber;
    }

    private final java.util.Map<Long, String> fileNames = new java.util.concurrent.ConcurrentHashMap<>();

    /** An input file as people know it: its name (and id, as names repeat across deliveries). */
    private String fileName(long fileId) {
        return fileNames.computeIfAbsent(fileId, id -> jdbc.query("SELECT file_name FROM input_file WHERE id = ?",
                rs -> rs.next() ? rs.getString(1) + " (input file " + id + ")" : "input file " + id, id));
    }

    /** The input file of a usage id (see {@link #usageId}). */
    public static long fileOf(long usageId) {
        return usageId >>> 32;
    }

    /** The physical line of a usage id (see {@link #usageId}). */
    public static long lineOf(long usageId) {
        return usageId & 0xFFFF_FFFFL;
    }

    /**
     * A customer-day of usage. The day's packs are read alone (the hot, narrow table) and decoded; their lines are
     * looked up by id only when {@code lineCache} does not hold them yet; a caller matching several days of one
     * customer passes the same cache, so each line is read and classified once per customer.
     */
    public DayUsage usage(String customerId, LocalDate date, java.util.Map<Long, LineAttributes> lineCache) {
        record Pack(long lineId, int count, String entries) {
        }
        List<Pack> packs = jdbc.query("SELECT line_id, entry_count, entries FROM usage_pack WHERE customer_id = ? "
                + "AND usage_date = ?", (rs, n) -> new Pack(rs.getLong(1), rs.getInt(2), rs.getString(3)), customerId, date);
        java.util.Set<Long> missing = new java.util.TreeSet<>();
        int total = 0;
        for (Pack pack : packs) {
            total += pack.count();
            if (!lineCache.containsKey(pack.lineId())) {
                missing.add(pack.lineId());
            }
        }
        loadLines(new ArrayList<>(missing), lineCache);
        java.util.Map<Long, DayUsage.LineRef> lines = new java.util.HashMap<>(total * 2);
        List<UsageRow> rows = new ArrayList<>(total);
        UsageSlot daily = UsageSlot.daily(date);
        UsageSlot[] hours = new UsageSlot[24];
        java.time.Instant midnight = date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (Pack pack : packs) {
            LineAttributes line = lineCache.get(pack.lineId());
            DayUsage.LineRef[] ref = new DayUsage.LineRef[1];
            dev.ribilling.ingest.UsageEntries.decode(pack.entries(), (hour, slotHours, quantity, unitPrice, fileId,
                    lineNumber) -> {
                UsageSlot slot;
                if (slotHours == 24) {
                    slot = daily;
                } else {
                    slot = hours[hour];
                    if (slot == null) {
                        slot = UsageSlot.hourly(midnight.plusSeconds(hour * 3600L));
                        hours[hour] = slot;
                    }
                }
                if (ref[0] == null || !ref[0].unitPrice().equals(unitPrice)) {
                    ref[0] = new DayUsage.LineRef(pack.lineId(), unitPrice);
                }
                long id = usageId(fileId, lineNumber);
                lines.put(id, ref[0]); // one shared instance per line and price: coverage() groups by identity first
                rows.add(new UsageRow(id, line.subscriptionId(), line.resourceGroup(), line.resourceUri(),
                        line.region(), line.vmSize(), line.eligibility(), slot, quantity));
            });
        }
        // In id (load) order, as the engine and coverage() expect; packs come in line order.
        boolean sorted = true;
        for (int i = 1; i < rows.size() && sorted; i++) {
            sorted = rows.get(i - 1).id() < rows.get(i).id();
        }
        if (!sorted) {
            rows.sort(java.util.Comparator.comparingLong(UsageRow::id));
        }
        return new DayUsage(rows, lines);
    }

    private static final int LINE_LOOKUP_BATCH = 256;

    /**
     * Reads lines by id. A customer's lines are mostly created together, so their ids come in dense runs: a run is
     * read as one primary-key range (the few other lines inside it are skipped); the ids outside runs are read with
     * IN lists padded to a few fixed lengths, so that the database sees the same few statements again and again.
     *
     * @param ids line ids in ascending order
     */
    private void loadLines(List<Long> ids, java.util.Map<Long, LineAttributes> lineCache) {
        java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
        org.springframework.jdbc.core.RowCallbackHandler keep = rs -> {
            if (wanted.contains(rs.getLong(1))) {
                Eligibility eligibility = UsageEligibility.classify(rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10));
                lineCache.put(rs.getLong(1), new LineAttributes(
                        dev.ribilling.billing.Identifiers.key(rs.getString(2)),
                        dev.ribilling.billing.Identifiers.key(rs.getString(3)),
                        dev.ribilling.billing.Identifiers.key(rs.getString(4)),
                        dev.ribilling.billing.Identifiers.region(rs.getString(5)),
                        dev.ribilling.billing.Identifiers.key(rs.getString(6)), eligibility));
            }
        };
        String columns = "SELECT id, subscription_id, resource_group, resource_uri, region, vm_size, meter_category, "
                + "consumed_service, pricing_model, meter_name FROM usage_line WHERE ";
        List<Long> singles = new ArrayList<>();
        for (int i = 0; i < ids.size();) {
            int j = i;
            while (j + 1 < ids.size() && ids.get(j + 1) - ids.get(j) <= LINE_RUN_GAP) {
                j++;
            }
            if (j - i + 1 >= LINE_RUN_MIN) {
                jdbc.query(columns + "id BETWEEN ? AND ?", keep, ids.get(i), ids.get(j));
            } else {
                singles.addAll(ids.subList(i, j + 1));
            }
            i = j + 1;
        }
        for (int from = 0; from < singles.size(); from += LINE_LOOKUP_BATCH) {
            List<Long> batch = singles.subList(from, Math.min(singles.size(), from + LINE_LOOKUP_BATCH));
            int length = 16;
            while (length < batch.size()) {
                length *= 4;
            }
            Object[] args = new Object[length];
            for (int k = 0; k < length; k++) {
                args[k] = batch.get(Math.min(k, batch.size() - 1)); // padded with the last id
            }
            jdbc.query(columns + "id IN (" + String.join(",", java.util.Collections.nCopies(length, "?")) + ")", keep,
                    args);
        }
    }

    /** Ids at most this far apart belong to one run; a run of at least LINE_RUN_MIN ids is read as a range. */
    private static final int LINE_RUN_GAP = 4;
    private static final int LINE_RUN_MIN = 8;

    /** Usage rows per customer in [from, to]: the work a customer brings to a match run. */
    public java.util.Map<String, Long> usageRowsPerCustomer(LocalDate from, LocalDate to) {
        java.util.Map<String, Long> rows = new java.util.TreeMap<>();
        jdbc.query("SELECT customer_id, SUM(row_count) FROM usage_customer_day WHERE usage_date BETWEEN ? AND ? "
                + "GROUP BY customer_id",
                rs -> {
                    rows.put(rs.getString(1), rs.getLong(2));
                }, from, to);
        return rows;
    }

    /**
     * Customers with stored results (reservation days or alerts of the match) on some day in [from, to]. A customer
     * can drop out of a match run while keeping results of an earlier run: its only reservation was cancelled back
     * to before the period by a later file, and it has no usage.
     */
    public java.util.Set<String> customersWithResults(LocalDate from, LocalDate to) {
        java.util.Set<String> customers = new java.util.TreeSet<>(jdbc.queryForList("SELECT DISTINCT customer_id "
                + "FROM reservation_day WHERE usage_date BETWEEN ? AND ?", String.class, from, to));
        customers.addAll(jdbc.queryForList("SELECT DISTINCT customer_id FROM billing_alert WHERE source = ? "
                + "AND alert_date BETWEEN ? AND ?", String.class, ALERT_SOURCE, from, to));
        return customers;
    }

    /** Removes the match results of a customer-day (which then has no usage and no active reservation). */
    public void clear(String customerId, LocalDate date) {
        Object[] key = {customerId, date};
        jdbc.update("DELETE FROM usage_allocation WHERE customer_id = ? AND usage_date = ?", key);
        jdbc.update("DELETE FROM usage_coverage WHERE customer_id = ? AND usage_date = ?", key);
        jdbc.update("DELETE FROM reservation_day WHERE customer_id = ? AND usage_date = ?", key);
        jdbc.update("DELETE FROM billing_alert WHERE source = ? AND customer_id = ? AND alert_date = ?", ALERT_SOURCE,
                customerId, date);
    }

    public void replace(CustomerDay day) {
        clear(day.customerId(), day.date());
        List<RowResult> rows = day.match().rows();
        jdbc.batchUpdate("INSERT INTO usage_coverage (customer_id, usage_date, line_id, unit_price, outcome, row_count, "
                + "quantity, demand_units, covered_units, covered_hours, uncovered_hours) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                coverage(day), 1000, (ps, c) -> {
                    ps.setString(1, day.customerId());
                    ps.setObject(2, day.date());
                    ps.setLong(3, c.lineId);
                    ps.setBigDecimal(4, c.unitPrice);
                    ps.setString(5, c.outcome);
                    ps.setInt(6, c.rows);
                    ps.setBigDecimal(7, stored(c.quantity));
                    ps.setBigDecimal(8, stored(c.demand));
                    ps.setBigDecimal(9, stored(c.coveredUnits));
                    ps.setBigDecimal(10, stored(c.coveredHours));
                    ps.setBigDecimal(11, stored(c.uncoveredHours));
                });
        java.util.Map<String, BigDecimal[]> byLineAndReservation = new java.util.TreeMap<>();
        for (RowResult r : rows) {
            long lineId = day.lines().get(r.usageId()).lineId();
            for (Allocation a : r.allocations()) {
                BigDecimal[] sums = byLineAndReservation.computeIfAbsent(lineId + "|" + a.reservationId(),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = plus(sums[0], a.units());
                sums[1] = plus(sums[1], a.hours());
            }
        }
        List<Object[]> allocations = new ArrayList<>();
        byLineAndReservation.forEach((lineAndReservation, sums) -> {
            int bar = lineAndReservation.indexOf('|');
            allocations.add(new Object[] {day.customerId(), day.date(), Long.parseLong(lineAndReservation.substring(0, bar)),
                    lineAndReservation.substring(bar + 1), stored(sums[0]), stored(sums[1])});
        });
        jdbc.batchUpdate("INSERT INTO usage_allocation (customer_id, usage_date, line_id, reservation_id, covered_units, "
                + "covered_hours) VALUES (?,?,?,?,?,?)", allocations);
        List<Object[]> reservationDays = new ArrayList<>();
        for (ReservationDayFigures f : day.reservationDays()) {
            reservationDays.add(new Object[] {f.reservationId(), day.date(), day.customerId(), stored(f.capacityUnits()),
                    stored(f.usedUnits()), stored(f.amortizedCost().amount()), amount(f.paygEquivalent()), amount(f.savings()),
                    day.currencies().get(f.reservationId()).getCurrencyCode()});
        }
        jdbc.batchUpdate("INSERT INTO reservation_day (reservation_id, usage_date, customer_id, capacity_units, used_units, "
                + "amortized_cost, payg_equivalent, savings, currency) VALUES (?,?,?,?,?,?,?,?,?)", reservationDays);
        List<Object[]> alerts = new ArrayList<>();
        for (MissingPriceAlert a : day.missingPrices()) {
            alerts.add(new Object[] {ALERT_SOURCE, day.customerId(), day.date(), "MISSING_PRICE",
                    a.skuName() + " " + a.region(), a.message()});
        }
        for (RowResult r : rows) {
            if (r.outcome() == RowOutcome.OVERLAPS_HOURLY_USAGE) {
                alerts.add(new Object[] {ALERT_SOURCE, day.customerId(), day.date(), "OVERLAPS_HOURLY_USAGE",
                        "usage row " + fileOf(r.usageId()) + ":" + lineOf(r.usageId()), "daily usage row at line "
                                + lineOf(r.usageId()) + " of " + fileName(fileOf(r.usageId())) + " (" + r.vmSize()
                                + ") rejected from matching: overlaps hourly usage of the same VM on " + day.date()});
            }
        }
        jdbc.batchUpdate("INSERT INTO billing_alert (source, customer_id, alert_date, kind, subject, message) "
                + "VALUES (?,?,?,?,?,?)", alerts);
    }

    /** Sums of the day's rows per usage line, UnitPrice and outcome. */
    private static final class LineDay {
        long lineId;
        BigDecimal unitPrice;
        String outcome;
        int rows;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal demand = BigDecimal.ZERO;
        BigDecimal coveredUnits = BigDecimal.ZERO;
        BigDecimal coveredHours = BigDecimal.ZERO;
        BigDecimal uncoveredHours = BigDecimal.ZERO;
    }

    private record LineDayKey(long lineId, BigDecimal unitPrice, RowOutcome outcome) {
    }

    private static java.util.Collection<LineDay> coverage(CustomerDay day) {
        java.util.Map<LineDayKey, LineDay> sums = new java.util.HashMap<>();
        // A line's rows share one LineRef per price: strip its scale once, not once per row.
        java.util.Map<DayUsage.LineRef, BigDecimal> stripped = new java.util.HashMap<>();
        DayUsage.LineRef lastRef = null;
        RowOutcome lastOutcome = null;
        LineDay c = null;
        for (RowResult r : day.match().rows()) {
            DayUsage.LineRef ref = day.lines().get(r.usageId());
            // A line's rows follow each other (usage ids are in file order): skip the lookup while they do.
            if (ref != lastRef || r.outcome() != lastOutcome) {
                BigDecimal price = stripped.computeIfAbsent(ref, x -> x.unitPrice().stripTrailingZeros());
                c = sums.computeIfAbsent(new LineDayKey(ref.lineId(), price, r.outcome()), k -> new LineDay());
                c.lineId = ref.lineId();
                c.unitPrice = ref.unitPrice();
                c.outcome = r.outcome().name();
                lastRef = ref;
                lastOutcome = r.outcome();
            }
            c.rows++;
            c.quantity = plus(c.quantity, r.quantity());
            c.demand = plus(c.demand, r.demandUnits());
            c.coveredUnits = plus(c.coveredUnits, r.coveredUnits());
            c.coveredHours = plus(c.coveredHours, r.coveredHours());
            c.uncoveredHours = plus(c.uncoveredHours, r.uncoveredHours());
        }
        // Inserted in key order, so two runs write the same rows in the same order.
        List<java.util.Map.Entry<LineDayKey, LineDay>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(java.util.Map.Entry.comparingByKey(java.util.Comparator.comparingLong(LineDayKey::lineId)
                .thenComparing(LineDayKey::unitPrice).thenComparing(LineDayKey::outcome)));
        List<LineDay> ordered = new ArrayList<>(entries.size());
        for (java.util.Map.Entry<LineDayKey, LineDay> e : entries) {
            ordered.add(e.getValue());
        }
        return ordered;
    }

    /**
     * Exact sum that skips zeros: most rows are wholly covered or wholly uncovered, and adding a zero of 34 decimal
     * places costs as much as any other 34-digit addition. Only the scale of the sum differs, and stored() fixes it.
     */
    private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
        return value.signum() == 0 ? sum : sum.signum() == 0 ? value : sum.add(value);
    }

    private static BigDecimal amount(dev.ribilling.billing.Money money) {
        return money == null ? null : stored(money.amount());
    }

    /** The stored scale of unrounded quantities and amounts (DECIMAL(40,20)), set here rather than by the database. */
    static BigDecimal stored(BigDecimal value) {
        return value == null ? null : value.setScale(20, java.math.RoundingMode.HALF_EVEN);
    }
}
