package dev.ribilling.ingest;

import dev.ribilling.output.SafeCsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <out>/rejects/<file name>.<first 12 hex of SHA-256>.rejects.csv} for every file of this import
 * with rejected rows (LineNumber, Reason, RawLine), from the rows stored during the import, so a restarted import
 * writes the same files. A file imported again with no rejects left loses its stale rejects file. The file is named
 * as imported this time; rejects files of the same content under names it was imported with before (same SHA-256)
 * are rewritten with it, or removed with it, so none goes stale.
 */
@Component
public class RejectsFileTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final String defaultOut;

    public RejectsFileTasklet(JdbcTemplate jdbc, @Value("${billing.out:out}") String defaultOut) {
        this.jdbc = jdbc;
        this.defaultOut = defaultOut;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        String out = jobExecution.getJobParameters().getString("out");
        Path rejectsDir = Path.of(out == null ? defaultOut : out).resolve("rejects");
        long jobInstanceId = jobExecution.getJobInstanceId();
        List<Map<String, Object>> files = jdbc.queryForList("SELECT f.id, f.file_name, f.sha256, s.path FROM "
                + "import_file_stats s JOIN input_file f ON f.id = s.file_id WHERE s.job_instance_id = ? "
                + "ORDER BY f.file_name", jobInstanceId);
        for (Map<String, Object> file : files) {
            long fileId = ((Number) file.get("id")).longValue();
            // Named as imported this time: a copy of a file under another name has the same content (one stored
            // file, by SHA-256) but its rejects belong under the name the operator gave.
            Path imported = Path.of((String) file.get("path")).getFileName();
            String fileName = imported != null ? imported.toString() : (String) file.get("file_name");
            String suffix = "." + ((String) file.get("sha256")).substring(0, 12) + ".rejects.csv";
            // The same content imported earlier under other names has rejects files too: they show this state as well.
            java.util.Set<Path> targets = new java.util.TreeSet<>();
            targets.add(rejectsDir.resolve(fileName + suffix));
            if (Files.isDirectory(rejectsDir)) {
                try (var existing = Files.list(rejectsDir)) {
                    existing.filter(f -> f.getFileName().toString().endsWith(suffix)).forEach(targets::add);
                }
            }
            Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM rejected_row WHERE job_instance_id = ? AND file_id = ?",
                    Integer.class, jobInstanceId, fileId);
            for (Path target : targets) {
                if (count == 0) {
                    Files.deleteIfExists(target);
                    continue;
                }
                try (SafeCsvWriter csv = new SafeCsvWriter(target)) {
                    csv.row("LineNumber", "Reason", "RawLine");
                    rows(csv, jobInstanceId, fileId);
                }
            }
        }
        return RepeatStatus.FINISHED;
    }

    /** Streams the stored rejects into the file; a failure midway leaves no half file behind. */
    private void rows(SafeCsvWriter csv, long jobInstanceId, long fileId) {
        try {
                jdbc.query("SELECT line_number, reason, raw_line FROM rejected_row WHERE job_instance_id = ? AND file_id = ? "
                        + "ORDER BY line_number, id", rs -> {
                            try {
                                csv.row(new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3)},
                                        new boolean[] {true, false, false});
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }, jobInstanceId, fileId);
        } catch (RuntimeException e) {
            csv.abandon();
            throw e;
        }
    }
}
