package dev.ribilling.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation at schema V9 migrated to V10: usage_subscription holds, per customer and subscription, the spelling
 * of its first line that has one (lines loaded before V8 have none and are passed over); a subscription whose lines
 * have none gets no row; the usage_line index V9 added is gone. On H2, and on MySQL or MariaDB when MYSQL_URL is set.
 */
class UsageSubscriptionMigrationTests {

    @Test
    void h2() {
        migrate(new DriverManagerDataSource(
                "jdbc:h2:mem:subscription-migration;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MYSQL_URL", matches = ".+")
    void mysql() throws Exception {
        dev.ribilling.testing.ScratchMySqlDatabase.run("_v10test", ds -> migrate(ds));
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("9").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        line(jdbc, "c1", "sub-a", null, 1); // loaded before V8: no spelling
        line(jdbc, "c1", "sub-a", "SUB-A", 2); // the first spelling
        line(jdbc, "c1", "sub-a", "Sub-A", 3);
        line(jdbc, "c1", "sub-b", "sub-b", 4);
        line(jdbc, "c2", "sub-a", "sub-A", 5); // another customer's subscription of the same id
        line(jdbc, "c2", "sub-c", null, 6); // no spelling at all

        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT customer_id, subscription_id, subscription_display "
                + "FROM usage_subscription ORDER BY customer_id, subscription_id");
        assertThat(rows).extracting(r -> r.get("customer_id") + "|" + r.get("subscription_id") + "|"
                + r.get("subscription_display")).containsExactly("c1|sub-a|SUB-A", "c1|sub-b|sub-b", "c2|sub-a|sub-A");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usage_line", Integer.class)).isEqualTo(6);
        assertThat(indexNames(ds)).doesNotContain("ix_usage_line_customer_subscription");
    }

    private static List<String> indexNames(DataSource ds) {
        try (Connection c = ds.getConnection();
                var rs = c.getMetaData().getIndexInfo(c.getCatalog(), null, "usage_line", false, false)) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    names.add(rs.getString("INDEX_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            assertThat(names).as("the hash index is still there").contains("uq_usage_line_hash");
            return names;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void line(JdbcTemplate jdbc, String customer, String subscription, String display, long hash) {
        jdbc.update("INSERT INTO usage_line (customer_id, subscription_id, subscription_display, meter_category, "
                + "billing_currency, pricing_currency, line_hash_hi, line_hash_lo) "
                + "VALUES (?, ?, ?, 'Virtual Machines', 'USD', 'USD', ?, ?)", customer, subscription, display, hash, hash);
    }
}
