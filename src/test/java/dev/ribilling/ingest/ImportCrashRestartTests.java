package dev.ribilling.ingest;

import dev.ribilling.testing.UsageRows;

import static dev.ribilling.testing.ImportAssertions.assertCountsAddUp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ribilling.cli.CommandLineApp;
import dev.ribilling.generate.GeneratorSpec;
import dev.ribilling.generate.PartnerGenerator;
import dev.ribilling.generate.UsageGranularity;
import dev.ribilling.testing.ChildJvm;
import dev.ribilling.testing.ChildRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: the import runs in a child JVM on an H2 file database and is killed with SIGKILL in the middle of
 * the usage step, after some chunks were committed. Running the same command again must finish the job and leave
 * exactly what a clean, uninterrupted run leaves: the same rows (none twice), the same per-file counts and the same
 * rejects files, byte for byte.
 */
class ImportCrashRestartTests {

    private static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    private static final int CHUNK = 500;

    @TempDir
    Path tmp;

    @Test
    void aKilledImportRestartsWhereItStoppedAndEndsExactlyAsACleanRun() throws Exception {
        Path input = tmp.resolve("in");
        generatePartner(input);
        // Partner-invoice rows of the generated partner are loaded after usage: they are part of the comparison.

        // 1. A clean run on a fresh database (in this JVM; the same command line as the child's).
        Path cleanOut = tmp.resolve("clean-out");
        String cleanUrl = "jdbc:h2:file:" + tmp.resolve("clean-db/db") + H2_OPTIONS;
        StringWriter cleanLog = new StringWriter();
        int cleanExit = new CommandLineApp(new PrintWriter(cleanLog, true), new PrintWriter(cleanLog, true))
                .execute(importArgs(input, cleanOut, cleanUrl).toArray(String[]::new));
        assertThat(cleanExit).as(cleanLog.toString()).isZero();
        Snapshot clean = Snapshot.of(cleanUrl);
        assertThat(clean.usageRows).as("a partner big enough for many chunks").isGreaterThan(20 * CHUNK);
        JsonNode cleanRun = lastRun(cleanOut);
        assertCountsAddUp(cleanRun);
        assertThat(rejectsFiles(cleanOut)).as("the injected bad rows are rejected").isNotEmpty();

        // 2. The same import in a child JVM, killed once a quarter of the usage rows is committed.
        Path out = tmp.resolve("out");
        // AUTO_SERVER lets this test read the database while the child writes it (through the child's server).
        String url = "jdbc:h2:file:" + tmp.resolve("db/db") + H2_OPTIONS + ";AUTO_SERVER=TRUE";
        List<String> args = importArgs(input, out, url);
        args.add("--logging.level.org.springframework.batch.core.step.AbstractStep=DEBUG");
        ChildJvm child = ChildJvm.start(tmp.resolve("child"), "crash", args);
        long committedAtKill;
        try {
            assertThat(child.awaitLog("Executing step: [importUsageStep]", Duration.ofMinutes(3)))
                    .as("the usage step starts; child log:\n%s", child.log()).isTrue();
            committedAtKill = awaitUsageRows(url, child, clean.usageRows / 4);
            assertThat(jobStatus(url)).as("the job is running when it is killed").isEqualTo("STARTED");
        } finally {
            child.kill();
        }
        assertThat(committedAtKill).as("killed in the middle of the usage step; child log:\n%s", child.log())
                .isBetween(1L, clean.usageRows - 1);
        assertThat(out.resolve("last-run.json")).as("a killed JVM writes no run record").doesNotExist();

        // 3. The same command again.
        // The killed run's lock is taken over once its heartbeat is older than billing.lock.stale-after (3 s here).
        ChildRuns.Finished restart = ChildRuns.runWaitingForTheLock(tmp.resolve("child"), "restart",
                importArgs(input, out, url), Duration.ofMinutes(4));
        assertThat(restart.exitCode()).as("restart exit code; log:\n%s", restart.log()).isZero();

        Snapshot restarted = Snapshot.of(url);
        assertThat(restarted.duplicateSourceLines).as("no line of a file loaded twice").isZero();
        assertThat(restarted.linesRejectedTwice).as("no line of a file rejected twice").isZero();
        assertThat(restarted.usageRows).isEqualTo(clean.usageRows);
        assertThat(restarted.tables).isEqualTo(clean.tables);
        assertThat(restarted.usageFingerprint).isEqualTo(clean.usageFingerprint);
        assertThat(restarted.rejected).isEqualTo(clean.rejected);
        assertThat(restarted.executions).as("the dead execution was recovered, then the job restarted and completed")
                .containsExactly("FAILED", "COMPLETED");

        JsonNode run = lastRun(out);
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertCountsAddUp(run);
        assertThat(run.get("files")).as("per-file counts as in the clean run").isEqualTo(cleanRun.get("files"));
        Map<String, byte[]> rejects = rejectsFiles(out);
        Map<String, byte[]> cleanRejects = rejectsFiles(cleanOut);
        assertThat(rejects.keySet()).isEqualTo(cleanRejects.keySet());
        for (String name : cleanRejects.keySet()) {
            assertThat(new String(rejects.get(name), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(new String(cleanRejects.get(name), StandardCharsets.UTF_8));
            assertThat(rejects.get(name)).as(name + " byte for byte").isEqualTo(cleanRejects.get(name));
        }
    }

    private static List<String> importArgs(Path input, Path out, String url) {
        return new ArrayList<>(List.of("import", "--input", input.toString(), "--out", out.toString(),
                "--spring.datasource.url=" + url, "--billing.import.chunk-size=" + CHUNK,
                "--billing.lock.stale-after=3s"));
    }

    /**
     * A generated partner (about 40,000 hourly usage rows) with bad rows spread through its usage file: every
     * 3,000th row is followed by a copy of itself (a duplicate), the same row with a negative quantity and the same
     * row for an unknown customer (rejected), so that rejects fall before and after the kill.
     */
    private static void generatePartner(Path input) throws IOException {
        new PartnerGenerator().generate(GeneratorSpec.days(7, 40, 1_000, LocalDate.of(2026, 10, 1), 2,
                UsageGranularity.HOURLY, input));
        // Microsoft's isf table (2,437 keyed rows) adds nothing to this test but time: reservations find their SKUs
        // in the price sheet.
        try (Stream<Path> files = Files.list(input)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("isf")).toList()) {
                Files.delete(p);
            }
        }
        Path usage = input.resolve("usage-2026-10.csv");
        List<String> lines = Files.readAllLines(usage, StandardCharsets.UTF_8);
        List<String> mixed = new ArrayList<>(lines.size() + lines.size() / 1000);
        mixed.add(lines.get(0));
        List<String> header = List.of(lines.get(0).split(","));
        int quantity = header.indexOf("Quantity");
        int customer = header.indexOf("CustomerId");
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            mixed.add(line);
            if (i % 3_000 == 0) {
                mixed.add(line);
                mixed.add(withField(line, quantity, "-1"));
                mixed.add(withField(line, customer, "ghost-co"));
            }
        }
        Files.write(usage, mixed, StandardCharsets.UTF_8);
    }

    /** The line with one of its leading simple fields (no quotes before it) replaced. */
    private static String withField(String line, int index, String value) {
        String[] fields = line.split(",", index + 2);
        fields[index] = value;
        return String.join(",", fields);
    }

    private static long awaitUsageRows(String url, ChildJvm child, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            while (System.nanoTime() < deadline && child.isAlive()) {
                long n = UsageRows.count(c);
                if (n >= atLeast) {
                    return n;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the child committed fewer than " + atLeast + " usage rows before it "
                + (child.isAlive() ? "timed out" : "ended") + "; log:\n" + child.log());
    }

    private static String jobStatus(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status FROM BATCH_JOB_EXECUTION")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode lastRun(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("last-run.json").toFile());
    }

    private static Map<String, byte[]> rejectsFiles(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path dir = out.resolve("rejects");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.toList()) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /** What a finished import left in its database. */
    private record Snapshot(long usageRows, Map<String, Long> tables, String usageFingerprint, List<String> rejected,
            long duplicateSourceLines, long linesRejectedTwice, List<String> executions) {

        static Snapshot of(String url) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                Map<String, Long> tables = new LinkedHashMap<>();
                String usageRows = UsageRows.table(c);
                for (String t : List.of(usageRows, "usage_pack", "usage_file_day", "usage_customer_day", "usage_line", "customer", "reservation", "price", "fx_rate",
                        "partner_invoice_row", "rejected_row", "input_file", "import_file_stats", "row_history")) {
                    tables.put(t, count(c, "SELECT COUNT(*) FROM " + t));
                }
                String fingerprint;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SUM(r.line_number), "
                        + "SUM(r.quantity), SUM(r.unit_price * r.line_number), COUNT(DISTINCT r.line_id), "
                        + "COUNT(DISTINCT l.line_hash_hi) FROM " + usageRows + " r JOIN usage_line l ON l.id = r.line_id")) {
                    rs.next();
                    fingerprint = rs.getString(1) + "|" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + "|"
                            + rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + "|" + rs.getLong(4) + "|"
                            + rs.getLong(5);
                }
                List<String> rejected = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT f.file_name, "
                        + "r.line_number, r.reason_code, r.reason FROM rejected_row r JOIN input_file f ON f.id = r.file_id "
                        + "ORDER BY f.file_name, r.line_number, r.reason_code")) {
                    while (rs.next()) {
                        rejected.add(rs.getString(1) + ":" + rs.getLong(2) + ":" + rs.getString(3) + ":" + rs.getString(4));
                    }
                }
                List<String> executions = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT status FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")) {
                    while (rs.next()) {
                        executions.add(rs.getString(1));
                    }
                }
                return new Snapshot(tables.get(usageRows), tables, fingerprint, rejected,
                        count(c, "SELECT COUNT(*) FROM (SELECT file_id, line_number FROM " + usageRows + " "
                                + "GROUP BY file_id, line_number HAVING COUNT(*) > 1) d"),
                        count(c, "SELECT COUNT(*) FROM (SELECT file_id, line_number FROM rejected_row "
                                + "GROUP BY file_id, line_number HAVING COUNT(*) > 1) d"),
                        executions);
            }
        }
    }
}
