package dev.ribilling.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Read access to the stored reservations for the jobs that follow the import. */
@Repository
public class ReservationRepository {

    private static final String COLUMNS = "reservation_id, reservation_order_id, customer_id, sku_name, sku_display, region, quantity, "
            + "term, billing_plan, scope_type, scope_subscription_id, scope_resource_group, instance_flexibility, "
            + "benefit_start, expiry, total_price, pricing_currency, status, cancelled_at, exchanged_from, reseller_id, "
            + "reservation_markup_pct, first_loaded_at";

    private final JdbcTemplate jdbc;

    public ReservationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredReservation> ofCustomer(String customerId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reservation WHERE customer_id = ? ORDER BY reservation_id",
                ReservationRepository::map, customerId);
    }

    public List<StoredReservation> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM reservation ORDER BY reservation_id", ReservationRepository::map);
    }

    /** Customers with a reservation whose benefit overlaps [from, to). */
    public List<String> customersActiveBetween(Instant from, Instant to) {
        return jdbc.queryForList("SELECT DISTINCT customer_id FROM reservation WHERE benefit_start < ? AND expiry > ? "
                + "AND (cancelled_at IS NULL OR cancelled_at > ?)", String.class, Timestamp.from(to), Timestamp.from(from),
                Timestamp.from(from));
    }

    static StoredReservation map(ResultSet rs, int row) throws SQLException {
        return new StoredReservation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getBoolean(13), instant(rs, 14), instant(rs, 15), rs.getBigDecimal(16),
                Currency.getInstance(rs.getString(17)), rs.getString(18), instant(rs, 19), rs.getString(20),
                rs.getString(21), rs.getBigDecimal(22), instant(rs, 23));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
