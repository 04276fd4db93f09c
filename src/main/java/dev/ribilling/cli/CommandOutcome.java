package dev.ribilling.cli;

import dev.ribilling.batch.RunRecord;
import java.util.List;

/** How a command ended: the status and exit code of contract section 1, and what last-run.json lists. */
public record CommandOutcome(String status, int exitCode, List<RunRecord.FileReport> files,
        List<RunRecord.Warning> warnings) {

    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String INVALID = "INVALID";

    public static CommandOutcome invalid() {
        return new CommandOutcome(INVALID, 2, List.of(), List.of());
    }
}
