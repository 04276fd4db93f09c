package dev.ribilling.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A MySQL or MariaDB database of its own for one test (on the server of MYSQL_URL, named after its database with a
 * suffix), created empty and dropped afterwards: for tests that migrate a schema from an old version.
 */
public final class ScratchMySqlDatabase {

    private ScratchMySqlDatabase() {
    }

    public static void run(String suffix, Consumer<DataSource> test) throws SQLException {
        String url = System.getenv("MYSQL_URL");
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("[?].*", "") + suffix;
        String user = System.getenv().getOrDefault("MYSQL_USER", "root");
        String password = System.getenv().getOrDefault("MYSQL_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        try {
            test.accept(new DriverManagerDataSource(server + database + "?connectionTimeZone=UTC"
                    + "&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true&useSSL=false", user, password));
        } finally {
            try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }
}
