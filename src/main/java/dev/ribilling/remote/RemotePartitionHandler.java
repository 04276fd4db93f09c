package dev.ribilling.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The manager side of remote partitioning: sends one {@link StepExecutionRequest} per partition to the queue and
 * waits for the partitions to finish by reading the shared job repository (workers send no replies), as Spring Batch
 * Integration's {@code MessageChannelPartitionHandler} does in its polling mode. Two differences, both about a worker
 * that dies:
 * <ul>
 * <li>instead of one timeout for the whole step (which would have to exceed the longest month), a partition that
 * shows no progress (status and version of its step execution, i.e. no committed customer-day) for
 * {@code billing.remote.timeout} is given up, as is every unfinished partition when none of them progressed for that
 * long (no worker answers);</li>
 * <li>a partition given up is marked FAILED in the job repository. The step then fails once the other partitions have
 * finished, and the job with it; running the same command again restarts it and Spring Batch re-sends only the
 * partitions that did not complete (a step execution left STARTED would make that restart impossible).</li>
 * </ul>
 */
public class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

    private final String workerStepName;
    private final Consumer<StepExecutionRequest> sender;
    private final JobRepository jobRepository;
    private final Duration timeout;
    private final Duration pollInterval;
    private final String queue;
    private final JdbcTemplate jdbc;

    public RemotePartitionHandler(String workerStepName, Consumer<StepExecutionRequest> sender,
            JobRepository jobRepository, JdbcTemplate jdbc, Duration timeout, Duration pollInterval, String queue) {
        this.jdbc = jdbc;
        this.workerStepName = workerStepName;
        this.sender = sender;
        this.jobRepository = jobRepository;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.queue = queue;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions)
            throws Exception {
        if (partitions.isEmpty()) {
            return partitions;
        }
        List<StepExecution> ordered = partitions.stream().sorted(Comparator.comparing(StepExecution::getStepName)).toList();
        List<Long> ids = ordered.stream().map(StepExecution::getId).toList();
        try {
            for (StepExecution partition : ordered) {
                sender.accept(new StepExecutionRequest(workerStepName, partition.getId()));
            }
            log.info("sent {} partitions of {} to queue {}; waiting for workers (no progress for {} fails a partition)",
                    ordered.size(), managerStepExecution.getStepName(), queue, timeout);
            return await(managerStepExecution.getJobExecutionId(), ids);
        } catch (Exception | Error e) {
            // The broker is unreachable, or the manager is interrupted: no partition may stay STARTING or STARTED,
            // or the restart of the job would refuse to run it again.
            for (Long id : ids) {
                giveUp(id, "the manager could not send or wait for it (" + e + ")");
            }
            throw e;
        }
    }

    private Set<StepExecution> await(long jobExecutionId, List<Long> ids) throws InterruptedException {
        Map<Long, String> lastState = new HashMap<>();
        Map<Long, Long> lastChange = new HashMap<>();
        long start = System.nanoTime();
        long lastProgress = start;
        ids.forEach(id -> lastChange.put(id, start));
        int lastFinished = -1;
        while (true) {
            Thread.sleep(pollInterval.toMillis());
            long now = System.nanoTime();
            // One light query per poll (status and version of the job execution's step executions), not the
            // repository's full load of every step execution and its context.
            Map<Long, BatchStatus> status = new HashMap<>();
            Map<Long, String> state = new HashMap<>();
            jdbc.query("SELECT STEP_EXECUTION_ID, STATUS, VERSION FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                    rs -> {
                        status.put(rs.getLong(1), BatchStatus.valueOf(rs.getString(2)));
                        state.put(rs.getLong(1), rs.getString(2) + "/" + rs.getLong(3));
                    }, jobExecutionId);
            int finished = 0;
            for (Long id : ids) {
                String seen = state.getOrDefault(id, "?");
                if (!seen.equals(lastState.put(id, seen))) {
                    lastChange.put(id, now);
                    lastProgress = now;
                }
                if (status.containsKey(id) && !status.get(id).isRunning()) {
                    finished++;
                }
            }
            if (finished != lastFinished) {
                log.info("remote partitions: {} of {} finished", finished, ids.size());
                lastFinished = finished;
            }
            if (finished == ids.size()) {
                Set<StepExecution> result = new LinkedHashSet<>();
                for (Long id : ids) {
                    result.add(jobRepository.getStepExecution(id));
                }
                return result;
            }
            boolean nothingMoves = now - lastProgress > timeout.toNanos();
            for (Long id : ids) {
                BatchStatus s = status.get(id);
                if (s == null || !s.isRunning()) {
                    continue;
                }
                boolean stale = s == BatchStatus.STARTED && now - lastChange.get(id) > timeout.toNanos();
                if (stale || nothingMoves) {
                    giveUp(id, stale ? "its worker showed no progress for " + timeout + " (stopped or died)"
                            : "no worker took it or made progress within " + timeout);
                }
            }
        }
    }

    private void giveUp(long stepExecutionId, String reason) {
        StepExecution s = jobRepository.getStepExecution(stepExecutionId);
        if (s == null || !s.getStatus().isRunning()) {
            return;
        }
        log.warn("giving up partition {} (step execution {}, {}): {}; it fails, and a restart of the job runs it again",
                s.getStepName(), stepExecutionId, s.getStatus(), reason);
        s.setStatus(BatchStatus.FAILED);
        s.setExitStatus(ExitStatus.FAILED.addExitDescription("remote partition given up: " + reason));
        s.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(s);
        } catch (OptimisticLockingFailureException e) {
            // A worker updated it meanwhile: it is alive after all; the next poll looks again.
            log.info("partition {} moved while it was being given up: looking again", s.getStepName());
        }
    }
}
