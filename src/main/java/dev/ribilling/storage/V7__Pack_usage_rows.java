package dev.ribilling.storage;

import dev.ribilling.ingest.UsageEntries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Moves the usage rows of an existing installation from usage_row into usage_pack (created by V6__usage_pack), one
 * customer-day at a time so that memory stays bounded, with the import's own encoder: entries in row id (load)
 * order, a line-day that does not fit one pack spilling into pack_no 1, 2, ...; then drops usage_row. In Java
 * rather than SQL because GROUP_CONCAT is cut at group_concat_max_len (1,024 characters by default on MySQL) and
 * cannot spill. Registered as a bean (Spring Boot hands JavaMigration beans to Flyway); its package is not scanned
 * by Flyway's own classpath scan, so it is found once.
 */
@Component
public class V7__Pack_usage_rows extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<Object[]> days = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT customer_id, usage_date FROM usage_row "
                        + "ORDER BY customer_id, usage_date")) {
            while (rs.next()) {
                days.add(new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class)});
            }
        }
        try (PreparedStatement read = c.prepareStatement("SELECT line_id, slot_start, slot_hours, quantity, unit_price, "
                + "file_id, line_number FROM usage_row WHERE customer_id = ? AND usage_date = ? ORDER BY line_id, id");
                PreparedStatement insert = c.prepareStatement("INSERT INTO usage_pack (customer_id, usage_date, line_id, "
                        + "pack_no, entry_count, entries) VALUES (?,?,?,?,?,?)")) {
            int pending = 0;
            for (Object[] day : days) {
                String customerId = (String) day[0];
                LocalDate date = (LocalDate) day[1];
                LocalDateTime midnight = date.atStartOfDay();
                read.setString(1, customerId);
                read.setObject(2, date);
                long lineId = -1;
                int packNo = 0;
                UsageEntries.Packer packer = null;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        long line = rs.getLong(1);
                        if (line != lineId) {
                            if (packer != null) {
                                pending += add(insert, customerId, date, lineId, packNo, packer);
                            }
                            lineId = line;
                            packNo = 0;
                            packer = new UsageEntries.Packer();
                        }
                        LocalDateTime start = rs.getObject(2, LocalDateTime.class);
                        long minutes = java.time.Duration.between(midnight, start).toMinutes();
                        if (minutes < 0 || minutes >= 24 * 60 || minutes % 60 != 0) {
                            throw new IllegalStateException("usage row of " + customerId + " on " + date
                                    + " has slot start " + start);
                        }
                        int hour = (int) (minutes / 60);
                        if (!packer.add(hour, rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6),
                                rs.getLong(7))) {
                            pending += add(insert, customerId, date, lineId, packNo, packer);
                            packNo++;
                            packer = new UsageEntries.Packer();
                            packer.add(hour, rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6),
                                    rs.getLong(7));
                        }
                    }
                }
                if (packer != null) {
                    pending += add(insert, customerId, date, lineId, packNo, packer);
                }
                if (pending >= BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE usage_row");
        }
    }

    private static int add(PreparedStatement insert, String customerId, LocalDate date, long lineId, int packNo,
            UsageEntries.Packer packer) throws java.sql.SQLException {
        insert.setString(1, customerId);
        insert.setObject(2, date);
        insert.setLong(3, lineId);
        insert.setInt(4, packNo);
        insert.setInt(5, packer.count());
        insert.setString(6, packer.text());
        insert.addBatch();
        return 1;
    }
}
