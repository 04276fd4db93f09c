package dev.ribilling.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * The worker side: runs the partition a request names, with Spring Batch Integration's
 * {@link StepExecutionRequestHandler}, which executes the step on the step execution read from the shared job
 * repository (so the manager sees the result there). Only a partition still STARTING (sent, not yet begun by anyone)
 * of a running job execution is run. Anything else is acknowledged and ignored:
 * <ul>
 * <li>STARTED: a worker began it and then died or lost its connection (RabbitMQ redelivered the request). Running it
 * twice at once is not safe; the manager gives it up when it shows no progress and a restart of the job re-sends it;</li>
 * <li>FAILED, COMPLETED, ...: a request left over from an earlier run (the manager gave it up).</li>
 * </ul>
 */
public class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler delegate = new StepExecutionRequestHandler();

    public PartitionWorker(JobRepository jobRepository, StepLocator steps) {
        this.jobRepository = jobRepository;
        delegate.setJobRepository(jobRepository);
        delegate.setStepLocator(steps);
    }

    public void handle(Object body, boolean redelivered) {
        StepExecutionRequest request;
        try {
            request = PartitionRequestCodec.decode(body);
        } catch (IllegalArgumentException e) {
            log.warn("ignored a message that is not a partition request: {}", e.getMessage());
            return;
        }
        long id = request.getStepExecutionId();
        StepExecution execution;
        try {
            execution = jobRepository.getStepExecution(id);
        } catch (RuntimeException e) {
            log.error("cannot read step execution {} from the job repository: {}; the manager will give it up", id,
                    e.toString());
            return;
        }
        if (execution == null) {
            log.warn("ignored partition request for step execution {}: not in this job repository (another database?)",
                    id);
            return;
        }
        BatchStatus jobStatus = execution.getJobExecution().getStatus();
        if (execution.getStatus() != BatchStatus.STARTING || !jobStatus.isRunning()) {
            log.warn("ignored {}request for partition {} (step execution {}): it is {} (job execution {} {}){}",
                    redelivered ? "redelivered " : "", execution.getStepName(), id, execution.getStatus(),
                    execution.getJobExecutionId(), jobStatus, execution.getStatus() == BatchStatus.STARTED
                            ? "; another worker began it and stopped: the manager gives it up after billing.remote.timeout"
                            : "");
            return;
        }
        log.info("running partition {} (step execution {}, job execution {})", execution.getStepName(), id,
                execution.getJobExecutionId());
        long start = System.nanoTime();
        StepExecution result = delegate.handle(request);
        if (result.getStatus().isUnsuccessful()) {
            // The handler records an exception that escaped the step only in memory; store it, if the step did not.
            try {
                StepExecution stored = jobRepository.getStepExecution(id);
                if (stored != null && stored.getStatus().isRunning()) {
                    stored.setStatus(result.getStatus());
                    stored.setExitStatus(result.getExitStatus());
                    stored.setEndTime(java.time.LocalDateTime.now());
                    jobRepository.update(stored);
                }
            } catch (RuntimeException e) {
                log.warn("could not record the failure of step execution {}: {}", id, e.toString());
            }
        }
        log.info("partition {} (step execution {}) {} in {} ms", execution.getStepName(), id, result.getStatus(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
