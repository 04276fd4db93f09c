package dev.ribilling.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts or restarts a job from a command line. A job's identity is its natural run key (the command and its
 * identifying options, e.g. "match 2026-10") plus an attempt number: running the same command after a failure
 * restarts the failed execution where it stopped; running it after a success starts the next attempt. No
 * incrementer is involved (it would silently drop the parameters).
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    public static final String RUN_KEY = "runKey";
    public static final String ATTEMPT = "attempt";
    public static final String COMMAND = "command";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;

    public JobRunner(JobOperator jobOperator, JobRepository jobRepository, JdbcTemplate jdbc) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /**
     * Runs the job for this natural key. {@code parameters} are non-identifying (paths, output folder, options
     * that do not change what the run computes).
     */
    public JobExecution run(Job job, String runKeyText, Map<String, String> parameters) throws Exception {
        String runKey = sha256(runKeyText).substring(0, 40);
        long attempt = currentAttempt(job.getName(), runKey);
        JobInstance instance = jobRepository.getJobInstance(job.getName(), identifying(runKey, attempt));
        if (instance != null) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            BatchStatus status = last == null ? BatchStatus.FAILED : last.getStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
                attempt = nextAttempt(job.getName(), runKey, attempt);
            } else if (status.isRunning()) {
                // The process that ran it is gone (the run lock is ours now): mark it failed, then restart it.
                log.warn("{} execution {} was left {} by a process that died; recovering it", job.getName(),
                        last.getId(), status);
                jobOperator.recover(last);
                log.info("restarting {} attempt {} from where it stopped", job.getName(), attempt);
            } else {
                log.info("restarting {} attempt {} from where it stopped", job.getName(), attempt);
            }
        }
        JobParametersBuilder builder = new JobParametersBuilder(identifying(runKey, attempt));
        builder.addString(COMMAND, runKeyText, false);
        parameters.forEach((name, value) -> {
            if (value != null) {
                builder.addString(name, value, false);
            }
        });
        return jobOperator.start(job, builder.toJobParameters());
    }

    /**
     * Runs a job from inside another job's step (the nightly run): on a thread of its own, so that it does not see
     * the calling step's transaction or batch context, and waits for it.
     */
    public JobExecution runNested(Job job, String runKeyText, Map<String, String> parameters) throws Exception {
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "nested-" + job.getName()));
        try {
            return thread.submit(() -> run(job, runKeyText, parameters)).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.shutdown();
        }
    }

    private static JobParameters identifying(String runKey, long attempt) {
        return new JobParametersBuilder().addString(RUN_KEY, runKey).addLong(ATTEMPT, attempt).toJobParameters();
    }

    private long currentAttempt(String jobName, String runKey) {
        List<Long> found = jdbc.queryForList("SELECT attempt FROM job_attempt WHERE job_name = ? AND run_key = ?",
                Long.class, jobName, runKey);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        jdbc.update("INSERT INTO job_attempt (job_name, run_key, attempt) VALUES (?, ?, 1)", jobName, runKey);
        return 1;
    }

    private long nextAttempt(String jobName, String runKey, long attempt) {
        jdbc.update("UPDATE job_attempt SET attempt = ? WHERE job_name = ? AND run_key = ?", attempt + 1, jobName, runKey);
        return attempt + 1;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
