package dev.ribilling.pipeline;

import dev.ribilling.batch.JobRunner;
import dev.ribilling.ingest.InputFile;
import dev.ribilling.ingest.InputScanner;
import dev.ribilling.ingest.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduled run (contract section 1, {@code nightly [--date D]}): {@code importInboxStep} imports the inbox
 * files not seen before and moves them aside; {@code rematchChangedDaysStep} re-matches every day that received
 * new usage plus D-1 to D-3, and raises an alert for usage that arrived for an invoiced month;
 * {@code refreshMonthToDateStep} rewrites the current month's reports; {@code closePreviousMonthStep} invoices
 * the previous month on the close day. Each step runs the ordinary job it names, so a failed night restarts at the
 * step, and inside it at the chunk, where it stopped.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightlyJob";
    private static final Logger log = LoggerFactory.getLogger(NightlyJobConfiguration.class);

    @Bean
    public Job nightlyJob(JobRepository jobRepository, JobRunner runner, JdbcTemplate jdbc, Clock clock,
            @Qualifier("importJob") Job importJob, @Qualifier("matchJob") Job matchJob,
            @Qualifier("invoiceJob") Job invoiceJob, ObjectProvider<Job> jobs,
            @Value("${billing.close-day:8}") int closeDay) {
        // The steps only launch jobs: no transaction of their own may hold the database meanwhile.
        ResourcelessTransactionManager none = new ResourcelessTransactionManager();
        Tasklet importInbox = (contribution, chunk) -> {
            var jobExecution = contribution.getStepExecution().getJobExecution();
            var p = jobExecution.getJobParameters();
            Path inbox = Path.of(p.getString("inbox"));
            moveAlreadyImported(inbox, p.getString("date"), jdbc);
            List<InputFile> fresh = newInboxFiles(inbox, p.getString("date"), jdbc);
            var context = jobExecution.getExecutionContext();
            // On a restart the job's context holds the imports of the failed execution of this night: they count too.
            List<Long> imports = importInstances(context);
            if (fresh.isEmpty()) {
                log.info("nightly {}: no new files in {}", p.getString("date"), inbox);
                context.putLong("importJobInstanceId", imports.isEmpty() ? -1L : imports.get(imports.size() - 1));
                return RepeatStatus.FINISHED;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("inputs", fresh.stream().map(f -> f.path().toString()).collect(Collectors.joining("\n")));
            parameters.put("out", p.getString("out"));
            JobExecution imported = runner.runNested(importJob, "nightly-import|" + p.getString("date") + "|"
                    + parameters.get("inputs"), parameters);
            require(imported);
            imports.add(imported.getJobInstanceId());
            context.putString(IMPORTS, imports.stream().map(String::valueOf).collect(Collectors.joining(",")));
            context.putLong("importJobInstanceId", imported.getJobInstanceId());
            // Saved before the files move: if anything fails from here on, running the night again still re-matches
            // the days this import brought (its files are then duplicates and load nothing).
            jobRepository.updateExecutionContext(jobExecution);
            moveAside(inbox, fresh, p.getString("date"), jdbc, clock);
            return RepeatStatus.FINISHED;
        };
        Tasklet rematch = (contribution, chunk) -> {
            var execution = contribution.getStepExecution().getJobExecution();
            var p = execution.getJobParameters();
            LocalDate runDate = LocalDate.parse(p.getString("date"));
            List<Long> imports = importInstances(execution.getExecutionContext());
            List<LocalDate> newDays = imports.isEmpty() ? List.of() : jdbc.queryForList("SELECT DISTINCT r.usage_date "
                    + "FROM usage_file_day r WHERE r.file_id IN (SELECT file_id FROM import_file_stats WHERE job_instance_id IN ("
                    + placeholders(imports) + ") AND rows_loaded > 0)", LocalDate.class, imports.toArray());
            NightlyPlan plan = NightlyPlan.of(runDate, newDays, closeDay);
            lateUsageAlerts(jdbc, imports, runDate);
            for (Map.Entry<YearMonth, TreeSet<LocalDate>> month : plan.daysToMatch().entrySet()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                parameters.put("period", month.getKey().toString());
                parameters.put("dates", month.getValue().stream().map(LocalDate::toString).collect(Collectors.joining(",")));
                parameters.put("out", p.getString("out"));
                require(runner.runNested(matchJob, "nightly-match|" + runDate + "|" + parameters.get("dates"), parameters));
            }
            return RepeatStatus.FINISHED;
        };
        Tasklet refresh = (contribution, chunk) -> {
            var p = contribution.getStepExecution().getJobExecution().getJobParameters();
            LocalDate runDate = LocalDate.parse(p.getString("date"));
            Job report = jobs.stream().filter(j -> j.getName().equals("reportJob")).findFirst().orElse(null);
            if (report != null) {
                YearMonth month = NightlyPlan.of(runDate, List.of(), closeDay).currentMonth();
                require(runner.runNested(report, "nightly-report|" + runDate + "|" + month, Map.of("period", month.toString(),
                        "out", p.getString("out"))));
            }
            return RepeatStatus.FINISHED;
        };
        Tasklet close = (contribution, chunk) -> {
            var p = contribution.getStepExecution().getJobExecution().getJobParameters();
            LocalDate runDate = LocalDate.parse(p.getString("date"));
            YearMonth month = NightlyPlan.of(runDate, List.of(), closeDay).monthToClose();
            if (month == null) {
                return RepeatStatus.FINISHED;
            }
            log.info("nightly {}: closing {}", runDate, month);
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("period", month.toString());
            parameters.put("out", p.getString("out"));
            // Microsoft's files are final now: match the whole month once more, then invoice it.
            require(runner.runNested(matchJob, "nightly-close-match|" + runDate + "|" + month, parameters));
            require(runner.runNested(invoiceJob, "nightly-close-invoice|" + runDate + "|" + month, parameters));
            Job report = jobs.stream().filter(j -> j.getName().equals("reportJob")).findFirst().orElse(null);
            if (report != null) {
                require(runner.runNested(report, "nightly-close-report|" + runDate + "|" + month, parameters));
            }
            return RepeatStatus.FINISHED;
        };
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(new StepBuilder("importInboxStep", jobRepository).tasklet(importInbox, none).build())
                .next(new StepBuilder("rematchChangedDaysStep", jobRepository).tasklet(rematch, none).build())
                .next(new StepBuilder("refreshMonthToDateStep", jobRepository).tasklet(refresh, none).build())
                .next(new StepBuilder("closePreviousMonthStep", jobRepository).tasklet(close, none).build())
                .build();
    }

    /** The import job instances of this night, oldest first (kept in the job's context across restarts). */
    private static final String IMPORTS = "importJobInstanceIds";

    static List<Long> importInstances(org.springframework.batch.infrastructure.item.ExecutionContext context) {
        List<Long> ids = new ArrayList<>();
        String saved = context.containsKey(IMPORTS) ? context.getString(IMPORTS) : "";
        for (String id : saved.split(",")) {
            if (!id.isBlank()) {
                ids.add(Long.parseLong(id));
            }
        }
        return ids;
    }

    private static String placeholders(List<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    /** A child job that did not complete fails the nightly step: running nightly again restarts both. */
    private static void require(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException(execution.getJobInstance().getJobName() + " " + execution.getStatus()
                    + ": " + execution.getAllFailureExceptions().stream().map(Throwable::getMessage).toList());
        }
    }

    /**
     * Recognised inbox files whose content was never imported by a nightly run; also the files in tonight's
     * {@code processed/<date>/} folder that were never recorded: a run that stopped between moving and recording
     * them, or whose database lost its last commits in a crash (an H2 URL without WRITE_DELAY=0 delays them 500 ms),
     * imports them again (what was loaded already is a duplicate and loads nothing), so a moved file is never lost.
     */
    static List<InputFile> newInboxFiles(Path inbox, String date, JdbcTemplate jdbc) {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        Set<String> seen = new TreeSet<>(jdbc.queryForList("SELECT sha256 FROM inbox_file", String.class));
        List<Path> places = new ArrayList<>(List.of(inbox));
        Path movedTonight = inbox.resolve("processed").resolve(date);
        if (Files.isDirectory(movedTonight)) {
            places.add(movedTonight);
        }
        List<InputFile> fresh = new ArrayList<>();
        boolean any = false;
        for (Path place : places) {
            try (Stream<Path> files = Files.list(place)) {
                any |= files.anyMatch(Files::isRegularFile);
            } catch (IOException e) {
                throw new InvalidInputException(place + ": cannot list the inbox (" + e.getMessage() + ")");
            }
        }
        if (!any) {
            return List.of();
        }
        for (InputFile f : InputScanner.scan(places)) {
            if (!seen.contains(f.sha256())) {
                fresh.add(f);
            }
        }
        return fresh;
    }

    /**
     * Moves inbox files whose content a nightly run already imported to {@code processed/<date>/already-imported/}:
     * they load nothing, and an operator sees that they arrived again instead of finding them re-read every night.
     */
    static void moveAlreadyImported(Path inbox, String date, JdbcTemplate jdbc) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return;
        }
        Set<String> seen = new TreeSet<>(jdbc.queryForList("SELECT sha256 FROM inbox_file", String.class));
        List<Path> files;
        try (Stream<Path> list = Files.list(inbox)) {
            files = list.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            if (dev.ribilling.ingest.InputKind.fromFileName(file.getFileName().toString()).isEmpty()) {
                continue;
            }
            InputFile input = new InputFile(file, null);
            if (seen.contains(input.sha256())) {
                Path again = inbox.resolve("processed").resolve(date).resolve("already-imported");
                Files.createDirectories(again);
                Files.move(file, again.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                log.warn("nightly {}: {} was imported before (same content); moved to {}", date, file.getFileName(), again);
            }
        }
    }

    /** Moves imported files to {@code <inbox>/processed/<date>/} and records them by hash. */
    static void moveAside(Path inbox, List<InputFile> files, String date, JdbcTemplate jdbc, Clock clock) throws IOException {
        Path done = inbox.resolve("processed").resolve(date);
        Files.createDirectories(done);
        for (InputFile f : files) {
            String sha = f.sha256();
            Path target = done.resolve(f.fileName());
            Files.move(f.path(), target, StandardCopyOption.REPLACE_EXISTING);
            jdbc.update("DELETE FROM inbox_file WHERE sha256 = ?", sha);
            jdbc.update("INSERT INTO inbox_file (sha256, file_name, imported_at, moved_to) VALUES (?, ?, ?, ?)", sha,
                    f.fileName(), Timestamp.from(clock.instant()), target.toString());
        }
    }

    /**
     * Usage that arrived for a month already invoiced: one alert per customer and month with the rows and their
     * value at UnitPrice, ready for a dispute rerun ({@code invoice --customer C --reason ...}).
     */
    static void lateUsageAlerts(JdbcTemplate jdbc, List<Long> importInstances, LocalDate runDate) {
        if (importInstances.isEmpty()) {
            return;
        }
        jdbc.query("SELECT r.customer_id, i.period, SUM(r.row_count), SUM(r.amount), MIN(r.pricing_currency) "
                // One row per invoiced (customer, month), however many bill-to parties it has; the month as
                // 'YYYY-MM' from the ISO date (CAST(... AS CHAR) without a length is CHAR(1) on H2).
                // usage_file_day holds the rows and their quantity x UnitPrice per file, customer-day and currency.
                + "FROM usage_file_day r JOIN (SELECT DISTINCT customer_id, period "
                + "FROM invoice) i ON i.customer_id = r.customer_id "
                + "AND i.period = SUBSTRING(CAST(r.usage_date AS CHAR(10)), 1, 7) "
                + "WHERE r.file_id IN (SELECT file_id FROM import_file_stats WHERE job_instance_id IN ("
                + placeholders(importInstances) + ")) "
                + "GROUP BY r.customer_id, i.period ORDER BY r.customer_id, i.period", rs -> {
                    String message = "late usage for invoiced " + rs.getString(2) + ": " + rs.getLong(3) + " rows worth "
                            + rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " "
                            + rs.getString(5) + " at UnitPrice arrived on " + runDate + "; match the days, then rerun "
                            + "invoice --period " + rs.getString(2) + " --customer " + rs.getString(1) + " --reason TEXT";
                    // Replaces the alert of a failed execution of this night, so that a restart never repeats it.
                    jdbc.update("DELETE FROM billing_alert WHERE source = 'nightly' AND customer_id = ? AND alert_date = ? "
                            + "AND kind = 'LATE_USAGE' AND subject = ?", rs.getString(1), runDate, rs.getString(2));
                    jdbc.update("INSERT INTO billing_alert (source, customer_id, alert_date, kind, subject, message) "
                            + "VALUES ('nightly', ?, ?, 'LATE_USAGE', ?, ?)", rs.getString(1), runDate, rs.getString(2),
                            message);
                }, importInstances.toArray());
    }
}
