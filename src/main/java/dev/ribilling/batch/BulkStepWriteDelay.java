package dev.ribilling.batch;

import javax.sql.DataSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On the embedded H2 database, lets a bulk step (the usage import, the match) commit without waiting for each commit
 * to reach the file (H2's {@code WRITE_DELAY} of 500 ms instead of the product's 0), and restores 0 and forces a
 * checkpoint when the step ends, whatever its status.
 *
 * <p>Why it is safe for these steps: H2 stores committed transactions in order, and the job repository lives in
 * the same store, so a process killed during the step loses at most the last half second of chunks together with
 * the step positions that record them; the restart does that work again. Neither step writes a file outside the
 * database (their rejects and utilization files are written by the steps after them). Steps that write invoices
 * or reports keep every commit durable at once. Why it matters: writing the store at every commit was a sixth of
 * the match threads' time in a profile, and the usage import rewrote the pages of its unique index on every chunk.
 * Other databases are untouched. A connection that the pool opens during the step applies the URL's 0 again: that
 * costs speed, never durability.
 */
public class BulkStepWriteDelay implements StepExecutionListener {

    private final JdbcTemplate jdbc;
    private final boolean h2;

    public BulkStepWriteDelay(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.h2 = dev.ribilling.storage.DatabaseProduct.isH2(jdbc);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (h2) {
            jdbc.execute("SET WRITE_DELAY 500");
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (h2) {
            jdbc.execute("SET WRITE_DELAY 0");
            jdbc.execute("CHECKPOINT");
        }
        return null;
    }
}
