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
        java.util.Map<Long, DayUsage.LineRef> lines = new java.util.HashMap<>();
        List<UsageRow> rows = jdbc.query("SELECT r.id, l.subscription_id, l.resource_group, l.resource_uri, l.region, "
                + "l.vm_size, l.meter_category, l.consumed_service, l.pricing_model, l.meter_name, r.slot_start, "
                + "r.slot_hours, r.quantity, r.line_id, r.unit_price FROM usage_row r JOIN usage_line l ON l.id = r.line_id "
                + "WHERE r.customer_id = ? AND r.usage_date = ?",
                (rs, n) -> {
                    Eligibility eligibility = UsageEligibility.classify(rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10));
                    UsageSlot slot = rs.getInt(12) == 24 ? UsageSlot.daily(date)
                            : UsageSlot.hourly(rs.getTimestamp(11).toInstant());
                    lines.put(rs.getLong(1), new DayUsage.LineRef(rs.getLong(14), rs.getBigDecimal(15)));
                    return new UsageRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), eligibility, slot, rs.getBigDecimal(13));
                }, customerId, date);
        return new DayUsage(rows, lines);
    }

    /** Customers with usage in [from, to]. */
    public List<String> customersWithUsage(LocalDate from, LocalDate to) {
        return jdbc.queryForList("SELECT DISTINCT customer_id FROM usage_row WHERE usage_date BETWEEN ? AND ?",
                String.class, from, to);
    }

    public void replace(CustomerDay day) {
        Object[] key = {day.customerId(), day.date()};
        jdbc.update("DELETE FROM usage_allocation WHERE customer_id = ? AND usage_date = ?", key);
        jdbc.update("DELETE FROM usage_coverage WHERE customer_id = ? AND usage_date = ?", key);
        jdbc.update("DELETE FROM reservation_day WHERE customer_id = ? AND usage_date = ?", key);
        jdbc.update("DELETE FROM billing_alert WHERE source = ? AND customer_id = ? AND alert_date = ?", ALERT_SOURCE,
                day.customerId(), day.date());
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
                sums[0] = sums[0].add(a.units());
                sums[1] = sums[1].add(a.hours());
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
                        "usage row " + r.usageId(), "daily usage row " + r.usageId() + " (" + r.vmSize()
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

    private static java.util.Collection<LineDay> coverage(CustomerDay day) {
        java.util.Map<String, LineDay> sums = new java.util.TreeMap<>();
        for (RowResult r : day.match().rows()) {
            DayUsage.LineRef ref = day.lines().get(r.usageId());
            String key = ref.lineId() + "|" + ref.unitPrice().stripTrailingZeros().toPlainString() + "|" + r.outcome();
            LineDay c = sums.computeIfAbsent(key, k -> new LineDay());
            c.lineId = ref.lineId();
            c.unitPrice = ref.unitPrice();
            c.outcome = r.outcome().name();
            c.rows++;
            c.quantity = c.quantity.add(r.quantity());
            c.demand = c.demand.add(r.demandUnits());
            c.coveredUnits = c.coveredUnits.add(r.coveredUnits());
            c.coveredHours = c.coveredHours.add(r.coveredHours());
            c.uncoveredHours = c.uncoveredHours.add(r.uncoveredHours());
        }
        return sums.values();
    }

    private static BigDecimal amount(dev.ribilling.billing.Money money) {
        return money == null ? null : stored(money.amount());
    }

    /** The stored scale of unrounded quantities and amounts (DECIMAL(40,20)), set here rather than by the database. */
    static BigDecimal stored(BigDecimal value) {
        return value == null ? null : value.setScale(20, java.math.RoundingMode.HALF_EVEN);
    }
}
