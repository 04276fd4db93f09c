package dev.ribilling.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import bookkeeping tables: input files by content hash, per-run file statistics, rejected rows and the
 * history of replaced rows. All writes happen inside the chunk transaction of the import step, so a restart
 * after a crash sees exactly the committed rows and counts.
 */
public class ImportStore {

    private final JdbcTemplate jdbc;

    public ImportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the file with this content, registering it on first sight. */
    public long registerFile(String sha256, InputKind kind, String fileName, String path, Instant now) {
        Timestamp ts = Timestamp.from(now);
        List<Long> ids = jdbc.queryForList("SELECT id FROM input_file WHERE sha256 = ?", Long.class, sha256);
        if (!ids.isEmpty()) {
            jdbc.update("UPDATE input_file SET last_import_at = ?, path = ? WHERE id = ?", ts, path, ids.get(0));
            return ids.get(0);
        }
        try {
            jdbc.update("INSERT INTO input_file (sha256, kind, file_name, path, first_import_at, last_import_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", sha256, kind.name(), fileName, path, ts, ts);
        } catch (DuplicateKeyException raced) {
            // Another import registered the same content concurrently: use its row.
        }
        return jdbc.queryForObject("SELECT id FROM input_file WHERE sha256 = ?", Long.class, sha256);
    }

    /** Starts the statistics of a file in this run; a restarted run keeps the counts it had committed. */
    public void startStats(long jobInstanceId, long fileId, String path, InputKind kind) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM import_file_stats WHERE job_instance_id = ? AND file_id = ?",
                Integer.class, jobInstanceId, fileId);
        if (existing == 0) {
            jdbc.update("INSERT INTO import_file_stats (job_instance_id, file_id, path, kind) VALUES (?, ?, ?, ?)",
                    jobInstanceId, fileId, path, kind.name());
        }
    }

    public void addStats(long jobInstanceId, long fileId, FileCounts counts) {
        if (counts.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE import_file_stats SET rows_read = rows_read + ?, rows_loaded = rows_loaded + ?, "
                + "rows_rejected = rows_rejected + ?, rows_duplicate = rows_duplicate + ?, rows_skipped = rows_skipped + ?, "
                + "rows_updated = rows_updated + ? WHERE job_instance_id = ? AND file_id = ?",
                counts.read, counts.loaded, counts.rejected, counts.duplicate, counts.skipped, counts.updated,
                jobInstanceId, fileId);
    }

    public void reject(long jobInstanceId, long fileId, SourceRecord record, RejectReason reason, String message) {
        jdbc.update("INSERT INTO rejected_row (job_instance_id, file_id, line_number, reason_code, reason, raw_line) "
                + "VALUES (?, ?, ?, ?, ?, ?)", jobInstanceId, fileId, record.lineNumber(), reason.name(),
                truncate(reason.reasonText(message), 1000), record.rawLine());
    }

    public void rejectAll(long jobInstanceId, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO rejected_row (job_instance_id, file_id, line_number, reason_code, reason, raw_line) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rejections, 500, (ps, r) -> {
                    ps.setLong(1, jobInstanceId);
                    ps.setLong(2, r.fileId());
                    ps.setLong(3, r.record().lineNumber());
                    ps.setString(4, r.reason().name());
                    ps.setString(5, truncate(r.reason().reasonText(r.message()), 1000));
                    ps.setString(6, r.record().rawLine());
                });
    }

    public void history(InputKind kind, String naturalKey, KeyedTable.Stored old, String newValues, Instant now,
            long jobInstanceId, long fileId, long line) {
        jdbc.update("INSERT INTO row_history (kind, natural_key, old_values, new_values, changed_at, job_instance_id, "
                + "file_id, line_number, old_file_id, old_line_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", kind.name(),
                naturalKey, old.rowValues(), newValues, Timestamp.from(now), jobInstanceId, fileId, line, old.fileId(),
                old.line());
    }

    /**
     * Whether this line of this file was applied by an earlier import (as the current version of its key or as
     * one that was replaced since): importing an identical file again must not re-apply it, nor undo later changes.
     */
    public boolean wasApplied(InputKind kind, long fileId, long line) {
        // Two lookups, each through its index: with OR, H2 scans the whole history.
        return !jdbc.queryForList("SELECT 1 FROM row_history WHERE file_id = ? AND line_number = ? AND kind = ? LIMIT 1",
                Integer.class, fileId, line, kind.name()).isEmpty()
                || !jdbc.queryForList("SELECT 1 FROM row_history WHERE old_file_id = ? AND old_line_number = ? AND kind = ? "
                        + "LIMIT 1", Integer.class, fileId, line, kind.name()).isEmpty();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A rejected row waiting to be stored. */
    public record Rejection(long fileId, SourceRecord record, RejectReason reason, String message) {
    }

    /** Counters of one file within one chunk. */
    public static final class FileCounts {
        long read;
        long loaded;
        long rejected;
        long duplicate;
        long skipped;
        long updated;

        boolean isEmpty() {
            return read == 0;
        }
    }
}
