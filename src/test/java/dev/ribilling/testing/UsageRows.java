package dev.ribilling.testing;

import dev.ribilling.ingest.UsageEntries;
import dev.ribilling.matching.MatchStore;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The stored usage rows in the shape of the former usage_row table, for assertions: {@link #table} decodes every
 * usage_pack into the test table test_usage_row (id = the match job's usage id, file and line) and returns its name.
 */
public final class UsageRows {

    public static final String TABLE = "test_usage_row";

    private UsageRows() {
    }

    public record Row(long id, String customerId, LocalDate usageDate, long lineId, int packNo, LocalDateTime slotStart,
            int slotHours, java.math.BigDecimal quantity, java.math.BigDecimal unitPrice, long fileId, long lineNumber) {
    }

    /** Every stored usage row, by customer, date, line, pack and entry. */
    public static List<Row> all(JdbcTemplate jdbc) {
        List<Row> rows = new ArrayList<>();
        jdbc.query("SELECT customer_id, usage_date, line_id, pack_no, entries FROM usage_pack "
                + "ORDER BY customer_id, usage_date, line_id, pack_no", rs -> {
                    String customer = rs.getString(1);
                    LocalDate date = rs.getObject(2, LocalDate.class);
                    long lineId = rs.getLong(3);
                    int packNo = rs.getInt(4);
                    UsageEntries.decode(rs.getString(5), (hour, slotHours, q, p, fileId, line) -> rows.add(new Row(
                            MatchStore.usageId(fileId, line), customer, date, lineId, packNo,
                            date.atStartOfDay().plusHours(hour), slotHours, q, p, fileId, line)));
                });
        return rows;
    }

    /** The number of stored usage rows. */
    public static long count(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(entry_count), 0) FROM usage_pack", Long.class);
        return n;
    }

    public static long count(Connection c) {
        return count(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
    }

    /** Fills test_usage_row from the packs (created on first use) and returns its name. */
    public static String table(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id BIGINT NOT NULL, customer_id VARCHAR(64) NOT NULL, "
                + "usage_date DATE NOT NULL, line_id BIGINT NOT NULL, pack_no INT NOT NULL, slot_start DATETIME(6) NOT NULL, "
                + "slot_hours SMALLINT NOT NULL, quantity DECIMAL(24,10) NOT NULL, unit_price DECIMAL(24,10) NOT NULL, "
                + "file_id BIGINT NOT NULL, line_number BIGINT NOT NULL)");
        jdbc.update("DELETE FROM " + TABLE);
        List<Row> rows = all(jdbc);
        jdbc.batchUpdate("INSERT INTO " + TABLE + " (id, customer_id, usage_date, line_id, pack_no, slot_start, slot_hours, "
                + "quantity, unit_price, file_id, line_number) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows, 1000, (ps, r) -> {
                    ps.setLong(1, r.id());
                    ps.setString(2, r.customerId());
                    ps.setObject(3, r.usageDate());
                    ps.setLong(4, r.lineId());
                    ps.setInt(5, r.packNo());
                    ps.setObject(6, r.slotStart());
                    ps.setInt(7, r.slotHours());
                    ps.setBigDecimal(8, r.quantity());
                    ps.setBigDecimal(9, r.unitPrice());
                    ps.setLong(10, r.fileId());
                    ps.setLong(11, r.lineNumber());
                });
        return TABLE;
    }

    public static String table(Connection c) {
        return table(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
    }
}
