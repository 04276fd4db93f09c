package dev.ribilling.testing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * H2 file databases shared by a test and the child JVMs it starts: AUTO_SERVER lets the test read the database
 * while a child writes it (through the server of whichever process opened it first), and a database file can be
 * copied to give two runs the same starting point.
 */
public final class H2Files {

    public static final String OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";

    private H2Files() {
    }

    /** The URL of the database {@code <dir>/db}. */
    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + OPTIONS;
    }

    /** Copies a closed database to another folder (the only file H2 needs is {@code db.mv.db}). */
    public static void copy(Path fromDir, Path toDir) throws IOException {
        Files.createDirectories(toDir);
        Files.copy(fromDir.resolve("db.mv.db"), toDir.resolve("db.mv.db"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every row of the query as one text line (decimals without trailing zeros, so 1.50 = 1.5000). */
    public static List<String> rows(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            return rows(c, sql);
        }
    }

    public static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof BigDecimal d) {
                        value = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
                    }
                    row.append(i == 1 ? "" : "|").append(value);
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    public static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            return count(c, sql);
        }
    }

    /** The status of the latest execution of a job, or null when it never ran. */
    public static String lastStatus(Connection c, String jobName) throws SQLException {
        List<String> found = rows(c, "SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i "
                + "ON i.job_instance_id = e.job_instance_id WHERE i.job_name = '" + jobName + "' "
                + "ORDER BY e.job_execution_id DESC LIMIT 1");
        return found.isEmpty() ? null : found.get(0);
    }

    /** The statuses of every execution of a job, oldest first. */
    public static List<String> statuses(String url, String jobName) throws SQLException {
        return rows(url, "SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i "
                + "ON i.job_instance_id = e.job_instance_id WHERE i.job_name = '" + jobName + "' "
                + "ORDER BY e.job_execution_id");
    }

    /** Polls through one connection until the condition holds; false when the child ended or time ran out. */
    public static boolean await(String url, ChildJvm child, Duration timeout, SqlCondition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            while (System.nanoTime() < deadline && child.isAlive()) {
                if (condition.holds(c)) {
                    return true;
                }
                Thread.sleep(25);
            }
        }
        return false;
    }

    @FunctionalInterface
    public interface SqlCondition {
        boolean holds(Connection c) throws SQLException;
    }

    /** The files under a folder whose relative path passes the filter, by relative path (with '/'), with content. */
    public static Map<String, byte[]> files(Path dir, Predicate<String> filter) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (filter.test(name)) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }
}
