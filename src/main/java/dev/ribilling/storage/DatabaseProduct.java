package dev.ribilling.storage;

import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which of the two supported databases a connection reaches, where their SQL or their speed differ. */
public final class DatabaseProduct {

    private DatabaseProduct() {
    }

    /** Whether the database is the embedded H2 (else MySQL or MariaDB). */
    public static boolean isH2(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")));
    }
}
