package dev.ribilling.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.RiBillingApplication;
import dev.ribilling.cli.CommandLineApp;
import dev.ribilling.generate.GeneratorSpec;
import dev.ribilling.generate.PartnerGenerator;
import dev.ribilling.generate.UsageGranularity;
import dev.ribilling.testing.ChildJvm;
import dev.ribilling.testing.ChildRuns;
import dev.ribilling.testing.H2Files;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real crashes of the match and invoice jobs: each runs in a child JVM on an H2 file database and is killed with
 * SIGKILL in the middle; the same command run again (after the dead run's lock went stale) finishes the job. The
 * result must be exactly what a clean, uninterrupted run leaves on a copy of the same database: the same rows, the
 * same utilization and invoice CSV files byte for byte, the same invoice numbers. While the dead run's lock is still
 * fresh, a run is refused with exit code 1 and a message naming the holder.
 *
 * <p>The invoice job is killed twice: once in {@code computeInvoicesStep}, as soon as the first chunk of customers
 * is committed (the job has no throttle; 30 customers are 3 chunks of 10), and once more, on its restart, in
 * {@code writeInvoiceFilesStep}, after the invoices were issued and some files written.
 */
class MatchInvoiceCrashRestartTests {

    private static final String PERIOD = "2026-10";
    /** The dead run's lock is taken over 3 s after its last heartbeat (default 60 s). */
    private static final String STALE_AFTER = "--billing.lock.stale-after=3s";

    @TempDir
    Path tmp;

    @Test
    void killedMatchAndInvoiceRunsRestartAndEndExactlyAsACleanRun() throws Exception {
        Path input = tmp.resolve("in");
        new PartnerGenerator().generate(GeneratorSpec.days(42, 30, 1_000, LocalDate.of(2026, 10, 1), 3,
                UsageGranularity.HOURLY, input));

        // 1. One import, copied: the clean and the crashed runs start from the same database (same row ids).
        phase("1. One import, copied: the clean and the crashed r");
        Path baseDb = tmp.resolve("base-db");
        inProcess("import", "--input", input.toString(), "--out", tmp.resolve("base-out").toString(),
                "--spring.datasource.url=" + H2Files.url(baseDb)).assertExit(0);
        Path cleanDb = tmp.resolve("clean-db");
        Path crashDb = tmp.resolve("crash-db");
        H2Files.copy(baseDb, cleanDb);
        H2Files.copy(baseDb, crashDb);
        String cleanUrl = H2Files.url(cleanDb);
        String url = H2Files.url(crashDb);

        // 2. The clean run (match and invoice in one Spring context: one start-up less).
        phase("2. The clean run.");
        Path cleanOut = tmp.resolve("clean-out");
        long reservationDays;
        try (ConfigurableApplicationContext context = new SpringApplication(RiBillingApplication.class)
                .run("--spring.datasource.url=" + cleanUrl)) {
            inContext(context, "match", "--period", PERIOD, "--out", cleanOut.toString()).assertExit(0);
            reservationDays = H2Files.count(cleanUrl, "SELECT COUNT(*) FROM reservation_day");
            inContext(context, "invoice", "--period", PERIOD, "--out", cleanOut.toString()).assertExit(0);
        }
        Snapshot clean = Snapshot.of(cleanUrl);
        assertThat(reservationDays).as("a month of reservation days").isGreaterThan(500);
        assertThat(clean.tables.get("invoice")).as("every customer invoiced").hasSizeGreaterThanOrEqualTo(30);

        // 3. match, killed half-way through matchUsageStep.
        phase("3. match, killed half-way through matchUsageStep.");
        Path out = tmp.resolve("out");
        Path work = tmp.resolve("child");
        List<String> match = args(url, out, "match", "--period", PERIOD);
        ChildJvm killedMatch = ChildJvm.start(work, "match-killed", match);
        try {
            assertThat(killedMatch.awaitLog("Executing step: [matchUsageStep]", Duration.ofMinutes(2)))
                    .as("the match step starts; log:\n%s", killedMatch.log()).isTrue();
            assertThat(H2Files.await(url, killedMatch, Duration.ofMinutes(2),
                    c -> H2Files.count(c, "SELECT COUNT(*) FROM reservation_day") >= reservationDays / 4
                            && "STARTED".equals(H2Files.lastStatus(c, "matchJob"))))
                    .as("a quarter of the reservation days is committed while the job runs; log:\n%s",
                            killedMatch.log()).isTrue();
        } finally {
            killedMatch.kill();
        }
        long daysAtKill = H2Files.count(url, "SELECT COUNT(*) FROM reservation_day");
        assertThat(daysAtKill).as("killed in the middle of the match").isBetween(1L, reservationDays - 1);
        assertThat(H2Files.statuses(url, "matchJob")).containsExactly("STARTED");

        // 4. While the dead run's lock is fresh (default stale-after, 60 s), a run is refused and says by whom.
        phase("4. While the dead run's lock is fresh (default sta");
        String holder = H2Files.rows(url, "SELECT command, host, pid FROM job_lock").get(0);
        assertThat(holder).startsWith("match ").endsWith("|" + killedMatch.pid());
        InProcessRun refused = inProcess("match", "--period", PERIOD, "--out", out.toString(),
                "--spring.datasource.url=" + url);
        refused.assertExit(1);
        assertThat(refused.log).contains("ri-billing match " + ChildRuns.REFUSED + ": match {period=2026-10")
                .contains("(pid " + killedMatch.pid() + ")").contains("try again when it has finished");
        assertThat(H2Files.statuses(url, "matchJob")).as("a refused run starts no job").containsExactly("STARTED");

        // 5. The same command again, once the lock is stale: the dead execution is recovered and restarted.
        phase("5. The same command again, once the lock is stale:");
        ChildRuns.Finished matchAgain = ChildRuns.runWaitingForTheLock(work, "match-restart", match, Duration.ofMinutes(3));
        assertThat(matchAgain.exitCode()).as("restarted match; log:\n%s", matchAgain.log()).isZero();
        assertThat(matchAgain.log()).contains("took over the run lock of a process that stopped without releasing it")
                .contains("recovering it");
        assertThat(H2Files.statuses(url, "matchJob")).containsExactly("FAILED", "COMPLETED");
        assertThat(H2Files.count(url, "SELECT COUNT(*) FROM job_lock")).as("the lock is released").isZero();

        // 6. invoice, killed as soon as the first chunk of customers is computed.
        phase("6. invoice, killed as soon as the first chunk of c");
        List<String> invoice = args(url, out, "invoice", "--period", PERIOD);
        ChildJvm killedInvoice = ChildJvm.start(work, "invoice-killed", invoice);
        long[] live = new long[2];
        try {
            assertThat(killedInvoice.awaitLog("Executing step: [computeInvoicesStep]", Duration.ofMinutes(2)))
                    .as("the invoice job starts; log:\n%s", killedInvoice.log()).isTrue();
            assertThat(H2Files.await(url, killedInvoice, Duration.ofMinutes(2), c -> {
                live[0] = H2Files.count(c, "SELECT COUNT(*) FROM invoice_draft_customer");
                live[1] = H2Files.count(c, "SELECT COUNT(*) FROM invoice");
                return live[0] > 0 && "STARTED".equals(H2Files.lastStatus(c, "invoiceJob"));
            })).as("a chunk of customers is computed while the job runs; log:\n%s", killedInvoice.log()).isTrue();
        } finally {
            killedInvoice.kill();
        }
        assertThat(live[1]).as("killed before the invoices were issued").isZero();
        // With H2's default WRITE_DELAY (500 ms) the last commits before a SIGKILL could be lost; ri-billing sets 0.
        System.out.printf("invoice killed with %d of %d customers computed (%d of them on disk after the kill)%n",
                live[0], clean.tables.get("invoice").size(), H2Files.count(url, "SELECT COUNT(*) FROM invoice_draft_customer"));
        assertThat(H2Files.statuses(url, "invoiceJob")).containsExactly("STARTED");

        // 7. Its restart, killed in its turn while it writes the invoice files.
        phase("7. restart killed while it writes files");
        Path invoices = out.resolve(PERIOD).resolve("invoices");
        long filesBefore = csvCount(invoices);
        awaitStaleLock(url);
        ChildJvm killedAgain = ChildJvm.start(work, "invoice-restart-killed", invoice);
        try {
            assertThat(killedAgain.awaitLog("Executing step: [writeInvoiceFilesStep]", Duration.ofMinutes(3)))
                    .as("the restart reaches the files; log:\n%s", killedAgain.log()).isTrue();
            assertThat(H2Files.await(url, killedAgain, Duration.ofMinutes(1), c -> {
                live[1] = H2Files.count(c, "SELECT COUNT(*) FROM invoice");
                return csvCount(invoices) > filesBefore;
            })).as("still writing files; log:\n%s", killedAgain.log()).isTrue();
        } finally {
            killedAgain.kill();
        }
        assertThat(live[1]).as("issued before the second kill").isEqualTo(clean.tables.get("invoice").size());
        long filesAtKill = csvCount(invoices);
        System.out.printf("invoice restart killed with %d of %d CSV files written (%d invoices on disk after the kill)%n",
                filesAtKill, csvCount(cleanOut.resolve(PERIOD).resolve("invoices")),
                H2Files.count(url, "SELECT COUNT(*) FROM invoice"));
        assertThat(filesAtKill).as("killed while writing the files").isLessThan(csvCount(cleanOut.resolve(PERIOD)
                .resolve("invoices")));
        assertThat(H2Files.statuses(url, "invoiceJob")).containsExactly("FAILED", "STARTED");

        // 8. The same command once more.
        phase("8. The same command once more.");
        ChildRuns.Finished invoiceAgain = ChildRuns.runWaitingForTheLock(work, "invoice-restart", invoice,
                Duration.ofMinutes(3));
        assertThat(invoiceAgain.exitCode()).as("restarted invoice; log:\n%s", invoiceAgain.log()).isZero();
        assertThat(H2Files.statuses(url, "invoiceJob")).containsExactly("FAILED", "FAILED", "COMPLETED");

        // 9. Exactly the clean run's rows and files.
        phase("9. Exactly the clean run's rows and files.");
        Snapshot restarted = Snapshot.of(url);
        for (String table : clean.tables.keySet()) {
            assertSameRows(table, restarted.tables.get(table), clean.tables.get(table));
        }
        Map<String, byte[]> cleanFiles = H2Files.files(cleanOut.resolve(PERIOD), MatchInvoiceCrashRestartTests::isReport);
        Map<String, byte[]> files = H2Files.files(out.resolve(PERIOD), MatchInvoiceCrashRestartTests::isReport);
        assertThat(cleanFiles.keySet()).contains("utilization-2026-10.csv", "utilization-daily-2026-10.csv")
                .anyMatch(f -> f.startsWith("invoices/") && f.endsWith("-R1.csv"))
                .anyMatch(f -> f.startsWith("invoices/") && f.endsWith("-R1.xlsx"));
        assertThat(files.keySet()).isEqualTo(cleanFiles.keySet());
        for (Map.Entry<String, byte[]> f : cleanFiles.entrySet()) {
            if (f.getKey().equals("audit.csv")) {
                // Who issued and when differ between two runs by nature; everything else must not.
                assertThat(withoutIssuedAtAndBy(files.get(f.getKey()))).as(f.getKey())
                        .isEqualTo(withoutIssuedAtAndBy(f.getValue()));
            } else if (f.getKey().endsWith(".csv")) {
                assertThat(new String(files.get(f.getKey()), StandardCharsets.UTF_8)).as(f.getKey())
                        .isEqualTo(new String(f.getValue(), StandardCharsets.UTF_8));
                assertThat(files.get(f.getKey())).as(f.getKey() + " byte for byte").isEqualTo(f.getValue());
            } else {
                assertThat(files.get(f.getKey())).as(f.getKey() + " is a whole workbook").isNotEmpty();
            }
        }
    }

    private static final long START = System.nanoTime();

    private static void phase(String name) {
        System.out.printf("%6.1f s  %s%n", (System.nanoTime() - START) / 1e9, name);
    }

    /** Waits until the dead run's lock is stale for STALE_AFTER, so that a child started now is not refused. */
    private static void awaitStaleLock(String url) throws Exception {
        List<String> beat = H2Files.rows(url, "SELECT heartbeat_at FROM job_lock");
        if (!beat.isEmpty()) {
            java.time.Instant stale = java.sql.Timestamp.valueOf(beat.get(0)).toInstant().plusMillis(3_500);
            long wait = Duration.between(java.time.Instant.now(), stale).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
    }

    private static boolean isReport(String name) {
        return name.endsWith(".csv") || name.endsWith(".xlsx");
    }

    private static long csvCount(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".csv")).count();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0; // a file being written or renamed meanwhile: look again
        }
    }

    private static void assertSameRows(String table, List<String> actual, List<String> expected) {
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            assertThat(actual.get(i)).as("%s row %d of %d", table, i + 1, expected.size()).isEqualTo(expected.get(i));
        }
        assertThat(actual.size()).as(table + " rows").isEqualTo(expected.size());
    }

    /** A child JVM's command line: the database, the output folder, a short stale-after and job/step logging. */
    private static List<String> args(String url, Path out, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--out", out.toString(), "--spring.datasource.url=" + url, STALE_AFTER,
                "--logging.level.org.springframework.batch.core.step.AbstractStep=INFO"));
        return args;
    }

    private record InProcessRun(int exit, String log) {
        void assertExit(int expected) {
            assertThat(exit).as(log).isEqualTo(expected);
        }
    }

    private static InProcessRun inContext(ConfigurableApplicationContext context, String... args) {
        StringWriter log = new StringWriter();
        int exit = new CommandLineApp(new PrintWriter(log, true), new PrintWriter(log, true), context).execute(args);
        return new InProcessRun(exit, log.toString());
    }

    /** A command in this JVM with a Spring context of its own, exactly as the command line runs it. */
    private static InProcessRun inProcess(String... args) {
        StringWriter log = new StringWriter();
        int exit = new CommandLineApp(new PrintWriter(log, true), new PrintWriter(log, true)).execute(args);
        return new InProcessRun(exit, log.toString());
    }

    /** What the match and invoice jobs stored, row by row in key order. */
    private record Snapshot(Map<String, List<String>> tables) {

        static Snapshot of(String url) throws SQLException {
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("reservation_day", "SELECT * FROM reservation_day ORDER BY reservation_id, usage_date");
            queries.put("usage_coverage", "SELECT * FROM usage_coverage ORDER BY customer_id, usage_date, line_id, "
                    + "unit_price, outcome");
            queries.put("usage_allocation", "SELECT * FROM usage_allocation ORDER BY customer_id, usage_date, line_id, "
                    + "reservation_id");
            queries.put("invoice", "SELECT * FROM invoice ORDER BY invoice_number");
            // issued_at, issued_by and job_execution_id say when, by whom and in which execution: not compared.
            queries.put("invoice_revision", "SELECT invoice_number, revision, issue_date, due_date, reason, total, "
                    + "adjustment_total, inputs FROM invoice_revision ORDER BY invoice_number, revision");
            queries.put("invoice_line", "SELECT * FROM invoice_line ORDER BY invoice_number, revision, line_no");
            queries.put("billing_alert", "SELECT source, customer_id, alert_date, kind, subject, message FROM billing_alert "
                    + "ORDER BY source, customer_id, alert_date, kind, subject, message");
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (Map.Entry<String, String> q : queries.entrySet()) {
                tables.put(q.getKey(), H2Files.rows(url, q.getValue()));
            }
            return new Snapshot(tables);
        }
    }

    /** audit.csv without its IssuedAt and IssuedBy columns (5th and 6th; neither contains a comma). */
    private static java.util.List<String> withoutIssuedAtAndBy(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().map(line -> {
            String[] cells = line.split(",", -1);
            cells[4] = "";
            cells[5] = "";
            return String.join(",", cells);
        }).toList();
    }
}
