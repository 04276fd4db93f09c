package dev.ribilling.cli;

import dev.ribilling.benchmark.ParseBaseline;
import dev.ribilling.benchmark.PeakHeap;
import dev.ribilling.generate.GenerationSummary;
import dev.ribilling.generate.GeneratorSpec;
import dev.ribilling.generate.PartnerGenerator;
import dev.ribilling.generate.UsageGranularity;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code benchmark}: generates a partner with at least {@code --rows} hourly usage rows, measures the raw-parse
 * baseline on its usage file, then imports it with the real import job on the configured database, and prints
 * rows per second and peak heap beside the baseline of the same run. Figures, not a pass/fail test.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Benchmark: generate >= --rows hourly usage rows, import them on the configured database "
                + "(H2 by default, --spring.profiles.active=mysql for MySQL/MariaDB) and print rows/s and peak heap "
                + "next to a BufferedReader-and-split baseline measured in the same run.",
                "Run it with the heap you want to prove, e.g. java -Xmx256m -jar target/ri-billing.jar benchmark"})
public class BenchmarkCommand implements BillingCommand {

    /** Usage rows one generated day of 25,000 VMs gives (preset M). */
    private static final int ROWS_PER_M_DAY = 510_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", description = "at least this many usage rows (default: ${DEFAULT-VALUE})",
            defaultValue = "1000000")
    long rows;

    @Option(names = "--dir", description = "where to generate the partner (default: ${DEFAULT-VALUE})",
            defaultValue = "target/benchmark-input")
    Path dir;

    @Option(names = "--seed", defaultValue = "42", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--stage", defaultValue = "import", paramLabel = "import|match|invoice|all",
            description = "import only; import then match the generated days; import, match and invoice the month; or "
                    + "all of those and the report (default: ${DEFAULT-VALUE})")
    String stage;

    @Option(names = "--customers", description = "customers of the generated partner (default: the M preset's 500)")
    Integer customers;

    @Option(names = "--warm", description = "after the import, empty the tables it filled and import the same files "
            + "again in the same JVM, its code compiled (as in the scheduler's long-running process); needs a database "
            + "that held no billing data before the run")
    boolean warm;

    /** The tables the import fills: a warm rerun empties them, and only when the run found them all empty. */
    private static final List<String> IMPORT_TABLES = List.of("input_file", "import_file_stats", "rejected_row",
            "row_history", "customer", "customer_version", "reservation", "price", "isf_ratio", "fx_rate", "usage_line",
            "usage_subscription", "usage_customer_day", "usage_pack", "usage_file_day", "partner_invoice_row");

    /** Tables later jobs fill: they too must be empty before a warm rerun may empty the import's tables. */
    private static final List<String> LATER_TABLES = List.of("usage_coverage", "usage_allocation", "reservation_day",
            "billing_alert", "invoice", "invoice_revision", "invoice_line", "invoice_draft", "invoice_draft_customer",
            "inbox_file");

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public Path out() {
        return outOption.out;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rows", rows);
        p.put("dir", String.valueOf(dir));
        p.put("seed", seed);
        p.put("stage", stage);
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        int days = (int) Math.max(1, Math.min(31, (rows + ROWS_PER_M_DAY - 1) / ROWS_PER_M_DAY));
        GeneratorSpec preset = GeneratorSpec.preset("M", seed, dir);
        GeneratorSpec generatorSpec = new GeneratorSpec(seed, customers != null ? customers : preset.customers(),
                preset.totalVms(), preset.period(), LocalDate.of(2026, 10, 1), days, UsageGranularity.HOURLY, dir, false);
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
        GenerationSummary generated = new PartnerGenerator().generate(generatorSpec);
        Path usage = generated.file("usage").path();
        console.printf("generated %,d usage rows (%,d bytes) in %d ms%n", generated.usageRows(),
                Files.size(usage), generated.elapsed().toMillis());

        ParseBaseline.Result baseline = ParseBaseline.measure(usage);
        console.printf("baseline  BufferedReader + split: %,12.0f rows/s  (%,d rows in %d ms)%n",
                baseline.rowsPerSecond(), baseline.rows(), baseline.nanos() / 1_000_000);

        org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        Long held = jdbc.queryForObject("SELECT COALESCE(SUM(row_count), 0) FROM usage_customer_day", Long.class);
        if (held != null && held > 0) {
            // Same seed, same rows: a second run on the same database finds them all loaded already.
            console.printf("note      the database already holds %,d usage rows (an earlier run?): rows found again are "
                    + "duplicates, so this is not a first import's figure; start from an empty database (remove data/ "
                    + "for H2) for one%n", held);
        }
        // A warm rerun empties the import's tables: only when they, and the tables later jobs fill, held nothing.
        java.util.Optional<String> heldBefore = !warm ? java.util.Optional.empty()
                : java.util.stream.Stream.concat(IMPORT_TABLES.stream(), LATER_TABLES.stream())
                        .filter(table -> Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM (SELECT 1 "
                                + "FROM " + table + " LIMIT 1) t", Boolean.class))).findFirst();
        heldBefore.ifPresent(table -> console.printf("note      no --warm rerun: the database held rows in %s before "
                + "this run, and a rerun empties the import's tables; start from an empty database%n", table));
        CommandOutcome outcome = timedImport(context, console, "import   ");
        if (warm && heldBefore.isEmpty() && outcome.exitCode() == 0) {
            for (String table : IMPORT_TABLES) {
                jdbc.update("DELETE FROM " + table);
            }
            // A night's files are new to the scheduler: their digests are computed again, as the first run did.
            dev.ribilling.ingest.InputFile.forgetDigests();
            outcome = timedImport(context, console, "warm     ");
            console.printf("          (the same files again in this JVM, into the emptied tables: its code compiled, "
                    + "as in the scheduler's long-running process)%n");
        }
        if (stage.equals("import") || outcome.exitCode() != 0) {
            return outcome;
        }
        matchAndBeyond(context, console, days, outcome.files().stream().filter(f -> f.kind().equals("usage"))
                .mapToLong(f -> f.rowsLoaded()).sum());
        return outcome;
    }

    /** Imports the generated partner with the real import job, printing rows/s, every step and the peak heap. */
    private CommandOutcome timedImport(ConfigurableApplicationContext context, PrintWriter console, String label)
            throws Exception {
        PeakHeap.reset();
        long start = System.nanoTime();
        Job job = context.getBean("importJob", Job.class);
        var files = dev.ribilling.ingest.InputScanner.scan(List.of(dir));
        CommandOutcome outcome = ImportCommand.runImport(context, job, "benchmark|" + System.nanoTime() + "|"
                + ImportCommand.joinPaths(files), ImportCommand.importParameters(files, null, out()),
                new PrintWriter(java.io.Writer.nullWriter()));
        long nanos = System.nanoTime() - start;
        long loaded = outcome.files().stream().filter(f -> f.kind().equals("usage")).mapToLong(f -> f.rowsLoaded()).sum();
        console.printf("%s %s: %,12.0f rows/s  (%,d usage rows loaded; all %d files in %d ms)%n", label,
                databaseLabel(context), loaded * 1e9 / nanos, loaded, files.size(),
                nanos / 1_000_000);
        dev.ribilling.batch.ProgressListener progress = context.getBean(dev.ribilling.batch.ProgressListener.class);
        context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).query("SELECT step_name, start_time, end_time, "
                + "read_count FROM BATCH_STEP_EXECUTION WHERE job_execution_id = (SELECT MAX(job_execution_id) FROM "
                + "BATCH_JOB_EXECUTION) ORDER BY step_execution_id", rs -> {
                    // The JVM's own timing where the step ran here (the repository's times may lack fractions).
                    long ms = progress.lastDurationNanos(rs.getString(1)).orElse(java.time.Duration.between(
                            rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()).toNanos()) / 1_000_000;
                    long read = rs.getLong(4);
                    console.printf("  step %-26s %,10d rows %,8d ms %,12.0f rows/s%n", rs.getString(1), read, ms,
                            read * 1000.0 / Math.max(1, ms));
                });
        console.printf("peak heap %,d MB of max %,d MB%n", PeakHeap.bytes() >> 20, PeakHeap.maxHeap() >> 20);
        return outcome;
    }

    /** The stages after the import: match, invoice and report, as --stage asks. */
    private void matchAndBeyond(ConfigurableApplicationContext context, PrintWriter console, int days, long loaded)
            throws Exception {
        PeakHeap.reset();
        Map<String, String> matchParameters = new LinkedHashMap<>();
        matchParameters.put("period", "2026-10");
        // Two generated days and the match stage: the first day is matched as a nightly job in a fresh JVM, the
        // second as the scheduler's next night (below). Otherwise every generated day is matched at once.
        boolean nights = days == 2 && stage.equals("match");
        boolean oneDay = days == 1 || nights;
        matchParameters.put("date", oneDay ? "2026-10-01" : null);
        matchParameters.put("out", out().toString());
        long matchStart = System.nanoTime();
        var execution = context.getBean(dev.ribilling.batch.JobRunner.class).run(context.getBean("matchJob", Job.class),
                "benchmark-match|" + System.nanoTime(), matchParameters);
        long matchNanos = System.nanoTime() - matchStart;
        long matchUsageMs = matchUsageMillis(context, execution);
        long firstDayRows = oneDay ? usageRowsOf(context, LocalDate.of(2026, 10, 1)) : loaded;
        console.printf("match     %s: %,12.0f usage rows/s in matchUsageStep (%,d rows in %,d ms; whole job %,d ms, %s)%n",
                databaseLabel(context), firstDayRows * 1000.0 / Math.max(1, matchUsageMs),
                firstDayRows, matchUsageMs, matchNanos / 1_000_000, execution.getStatus());
        console.printf("peak heap %,d MB of max %,d MB%n", PeakHeap.bytes() >> 20, PeakHeap.maxHeap() >> 20);
        if (stage.equals("match")) {
            // The first run above is the figure of a fresh JVM, as a nightly job started by cron runs. The scheduler
            // (the schedule command) keeps its JVM: from the second night on it matches a new day with compiled code.
            // With two generated days, the second is matched as that next night (new results, nothing replaced).
            if (nights) {
                Map<String, String> nextNight = new LinkedHashMap<>(matchParameters);
                nextNight.put("date", "2026-10-02");
                long nextUsage = usageRowsOf(context, LocalDate.of(2026, 10, 2));
                var next = context.getBean(dev.ribilling.batch.JobRunner.class).run(
                        context.getBean("matchJob", Job.class), "benchmark-match-next|" + System.nanoTime(), nextNight);
                long nextUsageMs = matchUsageMillis(context, next);
                console.printf("next day  %s: %,12.0f usage rows/s in matchUsageStep (%,d rows of 2026-10-02 in %,d ms, "
                        + "%s; same JVM, as the scheduler's next night)%n", databaseLabel(context),
                        nextUsage * 1000.0 / Math.max(1, nextUsageMs), nextUsage, nextUsageMs, next.getStatus());
            }
            // A re-match of the first day replaces its results, as re-matching a disputed day does.
            long againStart = System.nanoTime();
            var again = context.getBean(dev.ribilling.batch.JobRunner.class).run(context.getBean("matchJob", Job.class),
                    "benchmark-match-again|" + System.nanoTime(), matchParameters);
            long againNanos = System.nanoTime() - againStart;
            long againUsageMs = matchUsageMillis(context, again);
            console.printf("re-match  %s: %,12.0f usage rows/s in matchUsageStep (%,d ms; whole job %,d ms, %s; same "
                    + "JVM, results replaced)%n", databaseLabel(context),
                    firstDayRows * 1000.0 / Math.max(1, againUsageMs), againUsageMs, againNanos / 1_000_000,
                    again.getStatus());
        }
        if (!stage.equals("invoice") && !stage.equals("all")) {
            return;
        }
        // The generated days are matched above; the other days of the month have no usage.
        var runner = context.getBean(dev.ribilling.batch.JobRunner.class);
        Map<String, String> monthParameters = new LinkedHashMap<>();
        monthParameters.put("period", "2026-10");
        monthParameters.put("out", out().toString());
        PeakHeap.reset();
        long invoiceStart = System.nanoTime();
        var invoiced = runner.run(context.getBean("invoiceJob", Job.class), "benchmark-invoice|" + System.nanoTime(),
                monthParameters);
        long invoiceNanos = System.nanoTime() - invoiceStart;
        Integer invoices = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM invoice WHERE period = '2026-10'", Integer.class);
        console.printf("invoice   %s: %,8.1f invoices/s (%,d invoices, xlsx and csv, in %,d ms, %s)%n",
                databaseLabel(context), invoices * 1e9 / invoiceNanos, invoices,
                invoiceNanos / 1_000_000, invoiced.getStatus());
        console.printf("peak heap %,d MB of max %,d MB%n", PeakHeap.bytes() >> 20, PeakHeap.maxHeap() >> 20);
        if (!stage.equals("all")) {
            return;
        }
        PeakHeap.reset();
        long reportStart = System.nanoTime();
        var reported = runner.run(context.getBean("reportJob", Job.class), "benchmark-report|" + System.nanoTime(),
                monthParameters);
        console.printf("report    %s: workbook in %,d ms (%s)%n", databaseLabel(context),
                (System.nanoTime() - reportStart) / 1_000_000, reported.getStatus());
        console.printf("peak heap %,d MB of max %,d MB%n", PeakHeap.bytes() >> 20, PeakHeap.maxHeap() >> 20);
        return;
    }

    /** The configured database, as the figures name it. */
    private static String databaseLabel(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2") ? "H2" : "MySQL";
    }

    /** The usage rows loaded for a day, as the match job plans them. */
    private static long usageRowsOf(ConfigurableApplicationContext context, LocalDate day) {
        return context.getBean(dev.ribilling.matching.MatchStore.class).usageRowsPerCustomer(day, day).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    /** The matchUsageStep's time, on the JVM's clock where it ran here (the repository's times may lack fractions). */
    private long matchUsageMillis(ConfigurableApplicationContext context,
            org.springframework.batch.core.job.JobExecution execution) {
        boolean ranHere = execution.getStepExecutions().stream()
                .anyMatch(s -> s.getStepName().equals("matchUsageStep") && s.getEndTime() != null);
        if (!ranHere) {
            // The job stopped before its match step ended: no time of this run to report (the listener's last one
            // would be an earlier run's).
            return Long.MAX_VALUE;
        }
        java.util.OptionalLong nanos = context.getBean(dev.ribilling.batch.ProgressListener.class)
                .lastDurationNanos("matchUsageStep");
        if (nanos.isPresent()) {
            return nanos.getAsLong() / 1_000_000;
        }
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("matchUsageStep"))
                .mapToLong(s -> java.time.Duration.between(s.getStartTime(), s.getEndTime()).toMillis()).sum();
    }
}
