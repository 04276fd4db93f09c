package dev.ribilling.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.ingest.UsageEntries;
import dev.ribilling.testing.UsageRows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation with usage in usage_row (schema V5) migrated to packed usage (V6 + V7): every row is in a pack,
 * in id order, with its provenance and stored values; a long line-day spills; the per-file table holds the counts
 * and amounts; usage_row is gone. On H2, and on MySQL or MariaDB when MYSQL_URL is set.
 */
class PackUsageMigrationTests {

    @Test
    void h2() {
        migrate(new DriverManagerDataSource("jdbc:h2:mem:pack-migration;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa", ""));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MYSQL_URL", matches = ".+")
    void mysql() throws Exception {
        dev.ribilling.testing.ScratchMySqlDatabase.run("_v6test", ds -> migrate(ds));
    }

    private record Old(long id, String customer, LocalDate date, long lineId, LocalDateTime start, int hours,
            BigDecimal quantity, BigDecimal price, long fileId, long line) {
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("5").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long vm = line(jdbc, "c1", "EUR", 1);
        long disk = line(jdbc, "c1", "USD", 2);
        long other = line(jdbc, "c2", "USD", 3);
        LocalDate day = LocalDate.of(2026, 10, 7);
        List<Old> rows = new ArrayList<>();
        long id = 0;
        // Ids in load order; the VM's rows interleave with the disk's.
        for (int h = 0; h < 24; h++) {
            rows.add(new Old(++id, "c1", day, vm, day.atStartOfDay().plusHours(h), 1, new BigDecimal("1"),
                    new BigDecimal("0.096"), 7, 2 + 2 * h));
            rows.add(new Old(++id, "c1", day, disk, day.atStartOfDay().plusHours(h), 1, new BigDecimal("0.0416666667"),
                    new BigDecimal("0.12345678901"), 7, 3 + 2 * h));
        }
        rows.add(new Old(++id, "c2", day, other, day.atStartOfDay(), 24, new BigDecimal("12.5"), new BigDecimal("0.2"), 8, 2));
        // 700 rows of one line and hour, distinct quantities: more than one pack holds.
        for (int i = 0; i < 700; i++) {
            rows.add(new Old(++id, "c2", day.plusDays(1), other, day.plusDays(1).atStartOfDay().plusHours(5), 1,
                    new BigDecimal("1234.5678901234").add(BigDecimal.valueOf(i)), new BigDecimal("0.0960000001"), 8,
                    100 + i));
        }
        jdbc.batchUpdate("INSERT INTO usage_row (id, customer_id, usage_date, line_id, slot_start, slot_hours, quantity, "
                + "unit_price, file_id, line_number) VALUES (?,?,?,?,?,?,?,?,?,?)", rows, 500, (ps, r) -> {
                    ps.setLong(1, r.id());
                    ps.setString(2, r.customer());
                    ps.setObject(3, r.date());
                    ps.setLong(4, r.lineId());
                    ps.setObject(5, r.start());
                    ps.setInt(6, r.hours());
                    ps.setBigDecimal(7, r.quantity());
                    ps.setBigDecimal(8, r.price());
                    ps.setLong(9, r.fileId());
                    ps.setLong(10, r.line());
                });
        List<Map<String, Object>> amounts = jdbc.queryForList("SELECT r.file_id, r.customer_id, r.usage_date, "
                + "COUNT(*) AS n, SUM(r.quantity * r.unit_price) AS amount, MIN(l.pricing_currency) AS currency "
                + "FROM usage_row r JOIN usage_line l ON l.id = r.line_id GROUP BY r.file_id, r.customer_id, r.usage_date, "
                + "l.pricing_currency ORDER BY r.file_id, r.customer_id, r.usage_date, MIN(l.pricing_currency)");

        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new V7__Pack_usage_rows())
                .load().migrate();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.queryForObject("SELECT COUNT(*) FROM usage_row",
                Long.class)).as("usage_row dropped").isInstanceOf(org.springframework.dao.DataAccessException.class);
        List<UsageRows.Row> packed = UsageRows.all(jdbc);
        assertThat(packed).hasSize(rows.size());
        // By customer, date and line: the stored order of every line-day is the row id order.
        List<Old> expected = new ArrayList<>(rows);
        expected.sort(java.util.Comparator.comparing(Old::customer).thenComparing(Old::date)
                .thenComparingLong(Old::lineId).thenComparingLong(Old::id));
        for (int i = 0; i < expected.size(); i++) {
            Old o = expected.get(i);
            UsageRows.Row p = packed.get(i);
            assertThat(p.customerId()).isEqualTo(o.customer());
            assertThat(p.usageDate()).isEqualTo(o.date());
            assertThat(p.lineId()).isEqualTo(o.lineId());
            assertThat(p.slotStart()).isEqualTo(o.start());
            assertThat(p.slotHours()).isEqualTo(o.hours());
            assertThat(p.quantity()).isEqualTo(o.quantity().setScale(10, RoundingMode.HALF_UP));
            assertThat(p.unitPrice()).isEqualTo(o.price().setScale(10, RoundingMode.HALF_UP));
            assertThat(p.fileId()).isEqualTo(o.fileId());
            assertThat(p.lineNumber()).isEqualTo(o.line());
        }
        assertThat(jdbc.queryForList("SELECT pack_no FROM usage_pack WHERE customer_id = 'c2' AND usage_date = ? "
                + "ORDER BY pack_no", Integer.class, day.plusDays(1))).as("spilled").hasSizeGreaterThan(1).startsWith(0, 1);
        for (String entries : jdbc.queryForList("SELECT entries FROM usage_pack", String.class)) {
            assertThat(entries.length()).isLessThanOrEqualTo(UsageEntries.MAX_CHARS);
        }
        List<Map<String, Object>> fileDays = jdbc.queryForList("SELECT file_id, customer_id, usage_date, row_count AS n, "
                + "amount, pricing_currency AS currency FROM usage_file_day ORDER BY file_id, customer_id, usage_date, "
                + "pricing_currency");
        assertThat(fileDays).hasSameSizeAs(amounts);
        for (int i = 0; i < amounts.size(); i++) {
            assertThat(((Number) fileDays.get(i).get("n")).longValue()).isEqualTo(((Number) amounts.get(i).get("n")).longValue());
            assertThat((BigDecimal) fileDays.get(i).get("amount")).isEqualByComparingTo((BigDecimal) amounts.get(i).get("amount"));
            assertThat(fileDays.get(i).get("currency")).isEqualTo(amounts.get(i).get("currency"));
        }
    }

    private static long line(JdbcTemplate jdbc, String customer, String currency, long hash) {
        jdbc.update("INSERT INTO usage_line (customer_id, subscription_id, meter_category, billing_currency, "
                + "pricing_currency, line_hash_hi, line_hash_lo) VALUES (?, 's1', 'Virtual Machines', ?, ?, ?, ?)",
                customer, currency, currency, hash, hash);
        return jdbc.queryForObject("SELECT id FROM usage_line WHERE line_hash_hi = ?", Long.class, hash);
    }
}
