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

    public List<UsageRow> usage(String customerId, LocalDate date) {
        return jdbc.query("SELECT r.id, l.subscription_id, l.resource_group, l.resource_uri, l.region, l.vm_size, "
                + "l.meter_category, l.consumed_service, l.pricing_model, l.meter_name, r.slot_start, r.slot_hours, r.quantity "
                + "FROM usage_row r JOIN usage_line l ON l.id = r.line_id WHERE r.customer_id = ? AND r.usage_date = ?",
                (rs, n) -> {
                    Eligibility eligibility = UsageEligibility.classify(rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10));
                    UsageSlot slot = rs.getInt(12) == 24 ? UsageSlot.daily(date)
                            : UsageSlot.hourly(rs.getTimestamp(11).toInstant());
                    return new UsageRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), eligibility, slot, rs.getBigDecimal(13));
                }, customerId, date);
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
        jdbc.batchUpdate("INSERT INTO usage_coverage (usage_row_id, customer_id, usage_date, outcome, ratio, demand_units, "
                + "covered_units, covered_hours, uncovered_hours) VALUES (?,?,?,?,?,?,?,?,?)", rows, 1000, (ps, r) -> {
                    ps.setLong(1, r.usageId());
                    ps.setString(2, day.customerId());
                    ps.setObject(3, day.date());
                    ps.setString(4, r.outcome().name());
                    ps.setBigDecimal(5, r.ratio());
                    ps.setBigDecimal(6, stored(r.demandUnits()));
                    ps.setBigDecimal(7, stored(r.coveredUnits()));
                    ps.setBigDecimal(8, stored(r.coveredHours()));
                    ps.setBigDecimal(9, stored(r.uncoveredHours()));
                });
        List<Object[]> allocations = new ArrayList<>();
        for (RowResult r : rows) {
            for (Allocation a : r.allocations()) {
                allocations.add(new Object[] {r.usageId(), a.reservationId(), day.customerId(), day.date(), stored(a.units()),
                        stored(a.hours())});
            }
        }
        jdbc.batchUpdate("INSERT INTO usage_allocation (usage_row_id, reservation_id, customer_id, usage_date, covered_units, "
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

    private static BigDecimal amount(dev.ribilling.billing.Money money) {
        return money == null ? null : stored(money.amount());
    }

    /** The stored scale of unrounded quantities and amounts (DECIMAL(40,20)), set here rather than by the database. */
    static BigDecimal stored(BigDecimal value) {
        return value == null ? null : value.setScale(20, java.math.RoundingMode.HALF_EVEN);
    }
}
