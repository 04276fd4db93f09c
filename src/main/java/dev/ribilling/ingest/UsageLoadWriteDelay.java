package dev.ribilling.ingest;

import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On the embedded H2 database, lets the usage import step commit without waiting for each commit to reach the file
 * (H2's {@code WRITE_DELAY} of 500 ms instead of the product's 0), and restores 0 and forces a checkpoint when the
 * step ends, whatever its status.
 *
 * <p>Why it is safe here and nowhere else: H2 stores committed transactions in order, and the job repository lives
 * in the same store, so a process killed during the step loses at most the last half second of chunks together
 * with the step position that records them; the restart then reads those records again. The step writes no file
 * outside the database (its rejects file is written by the next step). Why it matters: with every commit written
 * at once, H2 rewrites the pages of the usage_row unique index on each chunk, and the step ran about a third
 * slower. Other databases are untouched.
 */
public class UsageLoadWriteDelay implements StepExecutionListener {

    private final JdbcTemplate jdbc;
    private final boolean h2;

    public UsageLoadWriteDelay(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.h2 = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")));
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
