package dev.ribilling.batch;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What {@code out/last-run.json} says about a command run (contract section 5). rowsRead of a file equals
 * rowsLoaded + rowsRejected + rowsDuplicate + rowsSkipped.
 */
@JsonPropertyOrder({"command", "parameters", "status", "exitCode", "startedAt", "finishedAt", "durationMs", "version",
        "files", "warnings"})
public record RunRecord(String command, Map<String, Object> parameters, String status, int exitCode, String startedAt,
        String finishedAt, long durationMs, String version, List<FileReport> files, List<Warning> warnings) {

    @JsonPropertyOrder({"path", "sha256", "kind", "rowsRead", "rowsLoaded", "rowsRejected", "rowsDuplicate", "rowsSkipped"})
    public record FileReport(String path, String sha256, String kind, long rowsRead, long rowsLoaded, long rowsRejected,
            long rowsDuplicate, long rowsSkipped) {
    }

    @JsonPropertyOrder({"customerId", "reason"})
    public record Warning(String customerId, String reason) {
    }
}
