package dev.ribilling.batch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress of long steps in the log at a steady pace (at most one line per interval per step execution): items
 * done, items per second and, when the step knows its total ({@link #TOTAL} in its execution context), an estimate
 * of the time left; and one summary line when the step ends. Lines start with "progress" or "step" so an operator
 * can grep them. Safe for partition workers running concurrently.
 */
public class ProgressListener implements ChunkListener<Object, Object>, StepExecutionListener {

    /** Step execution context key: the number of items the step will process, when known. */
    public static final String TOTAL = "progress.total";

    private static final Logger log = LoggerFactory.getLogger("dev.ribilling.progress");

    private final Duration interval;
    private final Map<Long, long[]> started = new ConcurrentHashMap<>();
    private final ThreadLocal<StepExecution> current = new ThreadLocal<>();
    private final Map<String, Long> lastNanos = new ConcurrentHashMap<>();

    public ProgressListener(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long now = System.nanoTime();
        started.put(stepExecution.getId(), new long[] {now, now});
        current.set(stepExecution);
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        StepExecution step = current.get();
        if (step == null) {
            return;
        }
        long[] times = started.get(step.getId());
        long now = System.nanoTime();
        if (times == null || now - times[1] < interval.toNanos()) {
            return;
        }
        times[1] = now;
        long done = step.getReadCount();
        double seconds = (now - times[0]) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        long total = step.getExecutionContext().getLong(TOTAL, -1L);
        String left = total > done && rate > 0 ? String.format(", about %.0f s left", (total - done) / rate) : "";
        log.info("progress {}: {} items, {} items/s{}", step.getStepName(), String.format("%,d", done),
                String.format("%,.0f", rate), left);
    }

    /**
     * How long the last execution of a step took in this process, measured on the JVM's clock: the job repository's
     * times lose their fractions of a second on MariaDB (Connector/J sends fractional seconds only to servers it
     * believes to be MySQL 5.6.4 or later, and MariaDB announces itself as 5.5.5-...).
     */
    public java.util.OptionalLong lastDurationNanos(String stepName) {
        Long nanos = lastNanos.get(stepName);
        return nanos == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(nanos);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long[] times = started.remove(stepExecution.getId());
        current.remove();
        // A partition worker (one customer) reports at debug level: a month of thousands of customers stays readable.
        boolean partition = stepExecution.getStepName().contains(":");
        if (times != null) {
            lastNanos.put(stepExecution.getStepName(), System.nanoTime() - times[0]);
        }
        if (times != null && (!partition || log.isDebugEnabled())) {
            double seconds = (System.nanoTime() - times[0]) / 1e9;
            String line = String.format("step %s %s: read %,d, written %,d, filtered %,d, skipped %,d in %.1f s (%,.0f items/s)",
                    stepExecution.getStepName(), stepExecution.getStatus(), stepExecution.getReadCount(),
                    stepExecution.getWriteCount(), stepExecution.getFilterCount(), stepExecution.getSkipCount(), seconds,
                    stepExecution.getReadCount() / Math.max(seconds, 1e-9));
            if (partition) {
                log.debug(line);
            } else {
                log.info(line);
            }
        }
        return null;
    }
}
