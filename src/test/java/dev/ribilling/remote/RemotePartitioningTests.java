package dev.ribilling.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ribilling.cli.CommandLineApp;
import dev.ribilling.generate.GeneratorSpec;
import dev.ribilling.generate.PartnerGenerator;
import dev.ribilling.generate.UsageGranularity;
import dev.ribilling.testing.ChildJvm;
import dev.ribilling.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Remote partitioning for real: a month of a small generated partner on MySQL/MariaDB, matched once in one process
 * (the reference), then by a manager (this JVM) with two worker JVMs over RabbitMQ, then again with one worker
 * killed (SIGKILL) in the middle of a partition and the job restarted. Every remote run must leave exactly the rows
 * and utilization CSV bytes of the single-process run, and the restart must re-send only the partition that did not
 * complete. Finally a manager without workers fails within billing.remote.timeout instead of waiting forever.
 * Needs MYSQL_URL and a RabbitMQ broker (RABBITMQ_HOST, default 127.0.0.1:5672, guest/guest); skipped without them.
 */
@Tag("mysql")
class RemotePartitioningTests {

    private static final String PERIOD = "2026-10";
    private static final Pattern RUNNING = Pattern.compile("running partition (\\S+) \\(step execution (\\d+)");

    @TempDir
    Path tmp;

    private final List<ChildJvm> workers = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();
    private JdbcTemplate jdbc;
    private String rabbitHost;

    @BeforeEach
    void requireServices() {
        String url = System.getenv("MYSQL_URL");
        assumeTrue(url != null && !url.isBlank(), "MYSQL_URL is not set");
        rabbitHost = System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1");
        assumeTrue(reachable(rabbitHost, 5672), "RabbitMQ is not reachable on " + rabbitHost + ":5672");
        DriverManagerDataSource ds = new DriverManagerDataSource(url + "?allowPublicKeyRetrieval=true&useSSL=false"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                System.getenv().getOrDefault("MYSQL_USER", "root"), System.getenv().getOrDefault("MYSQL_PASSWORD", ""));
        jdbc = new JdbcTemplate(ds);
        try {
            TestDatabase.reset(jdbc);
            jdbc.update("DELETE FROM job_lock");
        } catch (BadSqlGrammarException e) {
            // a fresh database: the first command creates the tables
        }
    }

    @AfterEach
    void stopWorkersAndDeleteQueues() throws InterruptedException {
        for (ChildJvm worker : workers) {
            worker.kill();
        }
        if (!queues.isEmpty()) {
            CachingConnectionFactory cf = new CachingConnectionFactory(rabbitHost, 5672);
            try {
                RabbitAdmin admin = new RabbitAdmin(cf);
                queues.forEach(admin::deleteQueue);
            } finally {
                cf.destroy();
            }
        }
    }

    @Test
    void managerAndTwoWorkersMatchExactlyAsOneProcessEvenWhenAWorkerIsKilled() throws Exception {
        Path input = tmp.resolve("in");
        new PartnerGenerator().generate(GeneratorSpec.wholeMonth(7, 8, 64, YearMonth.parse(PERIOD),
                UsageGranularity.HOURLY, input));
        assertThat(cli("import", "--input", input.toString(), "--out", tmp.resolve("import-out").toString()))
                .isZero();

        // 1. The reference: one process, local partition threads.
        assertThat(cli("match", "--period", PERIOD, "--out", tmp.resolve("single").toString())).isZero();
        Map<String, List<String>> reference = results();
        assertThat(reference.get("usage_coverage")).as("a partner with usage").hasSizeGreaterThan(1000);
        assertThat(reference.get("reservation_day")).as("and reservations").isNotEmpty();
        byte[][] referenceCsv = utilizationCsvs(tmp.resolve("single"));
        int customers = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE "
                + "'matchCustomerStep:%'", Integer.class);
        assertThat(customers).as("several partitions").isGreaterThanOrEqualTo(6);

        // 2. Manager (here) and two worker JVMs.
        String queue = newQueue();
        ChildJvm w1 = startWorker("worker-1", queue);
        ChildJvm w2 = startWorker("worker-2", queue);
        awaitReady(w1);
        awaitReady(w2);
        clearResults();
        long t0 = System.nanoTime();
        assertThat(cli(manager("remote", queue, "60s"))).isZero();
        long remoteMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(results()).isEqualTo(reference);
        assertCsvsEqual(utilizationCsvs(tmp.resolve("remote")), referenceCsv);
        assertThat(w1.log()).as("both workers ran partitions").contains("running partition");
        assertThat(w2.log()).as("both workers ran partitions").contains("running partition");
        System.out.printf("remote match (manager + 2 workers): %d ms%n", remoteMs);

        // 3. A worker killed in the middle of a partition: the job fails once the others are done...
        clearResults();
        List<String> killArgs = manager("killed", queue, "10s");
        ExecutorService managerThread = Executors.newSingleThreadExecutor();
        long killed;
        try {
            Future<Integer> exit = managerThread.submit(() -> cli(killArgs.toArray(String[]::new)));
            killed = killMidPartition(w1, exit);
            assertThat(exit.get(4, TimeUnit.MINUTES)).as("the manager's exit code after a worker died").isEqualTo(1);
        } finally {
            managerThread.shutdownNow();
        }
        Map<String, Object> dead = jdbc.queryForMap("SELECT STATUS, EXIT_MESSAGE, COMMIT_COUNT FROM BATCH_STEP_EXECUTION "
                + "WHERE STEP_EXECUTION_ID = ?", killed);
        assertThat(dead.get("STATUS")).isEqualTo("FAILED");
        assertThat(String.valueOf(dead.get("EXIT_MESSAGE"))).contains("remote partition given up");
        long failedJob = lastJobExecution();
        assertThat(partitionStatuses(failedJob).values().stream().filter(s -> !s.equals("COMPLETED")).count())
                .as("only the killed worker's partition did not complete: %s", partitionStatuses(failedJob)).isEqualTo(1);

        // 4. ... and running the same command again (a worker restarted too) re-sends only that partition.
        ChildJvm w1b = startWorker("worker-1b", queue);
        awaitReady(w1b);
        assertThat(cli(killArgs.toArray(String[]::new))).as("the restart").isZero();
        long restartedJob = lastJobExecution();
        assertThat(jdbc.queryForObject("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                Long.class, restartedJob)).as("a restart of the failed instance").isEqualTo(jdbc.queryForObject(
                        "SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", Long.class, failedJob));
        Map<String, String> resent = partitionStatuses(restartedJob);
        assertThat(resent).as("only the partition that did not complete is sent again").hasSize(1);
        assertThat(resent.values()).containsExactly("COMPLETED");
        assertThat(results()).isEqualTo(reference);
        assertCsvsEqual(utilizationCsvs(tmp.resolve("killed")), referenceCsv);

        // 5. No worker on the queue: the manager fails within the timeout instead of waiting forever.
        clearResults();
        long t1 = System.nanoTime();
        assertThat(cli(manager("no-workers", newQueue(), "3s"))).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofMinutes(2));
        assertThat(partitionStatuses(lastJobExecution()).values()).as("no partition is left running").containsOnly("FAILED");
    }

    /** Waits for the worker to run a partition, and kills it once that partition has committed a few days. */
    private long killMidPartition(ChildJvm worker, Future<Integer> manager) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && !manager.isDone()) {
            Matcher m = RUNNING.matcher(worker.log());
            long current = -1;
            while (m.find()) {
                current = Long.parseLong(m.group(2));
            }
            if (current > 0) {
                Map<String, Object> s = jdbc.queryForMap("SELECT STATUS, COMMIT_COUNT FROM BATCH_STEP_EXECUTION WHERE "
                        + "STEP_EXECUTION_ID = ?", current);
                long commits = ((Number) s.get("COMMIT_COUNT")).longValue();
                if ("STARTED".equals(s.get("STATUS")) && commits >= 2 && commits <= 25) {
                    worker.kill();
                    assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?",
                            String.class, current)).as("killed mid-partition").isEqualTo("STARTED");
                    return current;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no partition of the worker could be caught mid-way; worker log:\n" + worker.log());
    }

    private List<String> manager(String out, String queue, String timeout) {
        return new ArrayList<>(List.of("match", "--period", PERIOD, "--out", tmp.resolve(out).toString(),
                "--billing.remote.role=manager", "--billing.remote.queue=" + queue, "--billing.remote.timeout=" + timeout,
                "--billing.remote.poll-interval=200ms"));
    }

    private int cli(List<String> args) {
        return cli(args.toArray(String[]::new));
    }

    private int cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(springArgs());
        StringWriter log = new StringWriter();
        int exit = new CommandLineApp(new PrintWriter(log, true), new PrintWriter(log, true))
                .execute(all.toArray(String[]::new));
        System.out.println(log);
        return exit;
    }

    private List<String> springArgs() {
        return List.of("--spring.profiles.active=mysql", "--spring.rabbitmq.host=" + rabbitHost);
    }

    private String newQueue() {
        String queue = "ri-billing.test." + UUID.randomUUID();
        queues.add(queue);
        return queue;
    }

    private ChildJvm startWorker(String name, String queue) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker", "--queue", queue, "--out",
                tmp.resolve(name + "-out").toString()));
        args.addAll(springArgs());
        ChildJvm worker = ChildJvm.start(tmp.resolve("workers"), name, args);
        workers.add(worker);
        return worker;
    }

    private static void awaitReady(ChildJvm worker) throws InterruptedException {
        assertThat(worker.awaitLog("worker ready", Duration.ofMinutes(3))).as("worker starts; log:\n%s", worker.log())
                .isTrue();
    }

    private void clearResults() {
        for (String table : List.of("usage_allocation", "usage_coverage", "reservation_day", "billing_alert")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** Every stored match result, row by row, in key order (billing_alert without its generated id). */
    private Map<String, List<String>> results() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("usage_coverage", "SELECT * FROM usage_coverage ORDER BY customer_id, usage_date, line_id, unit_price, outcome");
        queries.put("usage_allocation", "SELECT * FROM usage_allocation ORDER BY customer_id, usage_date, line_id, reservation_id");
        queries.put("reservation_day", "SELECT * FROM reservation_day ORDER BY reservation_id, usage_date");
        queries.put("billing_alert", "SELECT source, customer_id, alert_date, kind, subject, message FROM billing_alert "
                + "ORDER BY source, customer_id, alert_date, kind, subject, message");
        Map<String, List<String>> results = new LinkedHashMap<>();
        queries.forEach((table, sql) -> results.put(table, jdbc.queryForList(sql).stream()
                .map(row -> row.values().stream().map(v -> v instanceof java.math.BigDecimal d ? d.toPlainString()
                        : String.valueOf(v)).collect(Collectors.joining("|"))).toList()));
        return results;
    }

    private static byte[][] utilizationCsvs(Path out) throws Exception {
        Path month = out.resolve(PERIOD);
        return new byte[][] {Files.readAllBytes(month.resolve("utilization-" + PERIOD + ".csv")),
                Files.readAllBytes(month.resolve("utilization-daily-" + PERIOD + ".csv"))};
    }

    private static void assertCsvsEqual(byte[][] actual, byte[][] expected) {
        assertThat(actual[0]).as("utilization CSV bytes").isEqualTo(expected[0]);
        assertThat(actual[1]).as("daily utilization CSV bytes").isEqualTo(expected[1]);
    }

    private long lastJobExecution() {
        return jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
    }

    private Map<String, String> partitionStatuses(long jobExecutionId) {
        Map<String, String> statuses = new LinkedHashMap<>();
        jdbc.query("SELECT STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE "
                + "'matchCustomerStep:%' ORDER BY STEP_NAME", rs -> {
                    statuses.put(rs.getString(1), rs.getString(2));
                }, jobExecutionId);
        return statuses;
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
