package dev.ribilling.ingest;

import dev.ribilling.batch.RunRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What an import run did, per file and per changed row, for last-run.json and the console. */
@Component
public class ImportSummary {

    private final JdbcTemplate jdbc;

    public ImportSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<RunRecord.FileReport> files(long jobInstanceId) {
        List<RunRecord.FileReport> files = new ArrayList<>(jdbc.query("SELECT s.path, f.sha256, s.kind, s.rows_read, "
                + "s.rows_loaded, s.rows_rejected, s.rows_duplicate, s.rows_skipped FROM import_file_stats s "
                + "JOIN input_file f ON f.id = s.file_id WHERE s.job_instance_id = ?",
                (rs, n) -> new RunRecord.FileReport(rs.getString(1), rs.getString(2),
                        InputKind.valueOf(rs.getString(3)).label(), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8)), jobInstanceId));
        files.sort(java.util.Comparator.comparing((RunRecord.FileReport f) -> kindOrder(f.kind()))
                .thenComparing(f -> java.nio.file.Path.of(f.path()).getFileName().toString()));
        return files;
    }

    private static int kindOrder(String label) {
        for (InputKind k : InputKind.values()) {
            if (k.label().equals(label)) {
                return k.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The replaced rows of this run (a changed key), listed one by one with the changed values and, for
     * customer-facing rows, their customer. The isf table is summarised: Microsoft's own table repeats hundreds of
     * storage SKU names with other ratios, and listing them all would bury the real changes. A price or fx row for
     * an existing key (same SKU, region, type, term, currency and EffectiveStartDate; same date and pair) is a
     * correction and is listed. Every version stays in row_history.
     */
    public List<RunRecord.Warning> changes(long jobInstanceId) {
        List<RunRecord.Warning> warnings = new ArrayList<>();
        jdbc.query("SELECT kind, COUNT(*) FROM row_history WHERE job_instance_id = ? AND kind = 'ISF' "
                + "GROUP BY kind ORDER BY kind", rs -> {
                    warnings.add(new RunRecord.Warning("", InputKind.valueOf(rs.getString(1)).label() + ": " + rs.getLong(2)
                            + " rows replaced an earlier version of their key (old versions kept in row_history)"));
                }, jobInstanceId);
        jdbc.query("SELECT kind, natural_key, old_values, new_values FROM row_history WHERE job_instance_id = ? "
                + "AND kind <> 'ISF' ORDER BY id",
                rs -> {
                    String oldValues = rs.getString(3);
                    String newValues = rs.getString(4);
                    Map<String, String> after = RowValues.fromJson(newValues);
                    List<String> changed = RowValues.changedNames(oldValues, newValues);
                    Map<String, String> before = RowValues.fromJson(oldValues);
                    StringBuilder what = new StringBuilder();
                    for (String name : changed) {
                        if (!what.isEmpty()) {
                            what.append("; ");
                        }
                        what.append(name).append(' ').append(blankAsDash(before.get(name))).append(" -> ")
                                .append(blankAsDash(after.get(name)));
                    }
                    String kind = InputKind.valueOf(rs.getString(1)).label();
                    warnings.add(new RunRecord.Warning(after.getOrDefault("CustomerId", ""),
                            kind + " " + rs.getString(2) + " changed: " + what));
                }, jobInstanceId);
        return warnings;
    }

    private static String blankAsDash(String v) {
        return v == null || v.isEmpty() ? "(empty)" : v;
    }

    public void print(List<RunRecord.FileReport> files, PrintWriter out) {
        out.printf("%-16s %-44s %9s %9s %9s %9s %9s%n", "kind", "file", "read", "loaded", "rejected", "duplicate", "skipped");
        for (RunRecord.FileReport f : files) {
            String name = java.nio.file.Path.of(f.path()).getFileName().toString();
            out.printf("%-16s %-44s %9d %9d %9d %9d %9d%n", f.kind(), name, f.rowsRead(), f.rowsLoaded(),
                    f.rowsRejected(), f.rowsDuplicate(), f.rowsSkipped());
        }
    }
}
