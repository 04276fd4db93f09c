package dev.ribilling.cli;

import dev.ribilling.batch.RunRecord;
import dev.ribilling.ingest.InvalidInputException;
import java.io.PrintWriter;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** Turns a finished job execution into the command's outcome and exit code. */
final class JobOutcomes {

    private JobOutcomes() {
    }

    static CommandOutcome of(JobExecution execution, List<RunRecord.FileReport> files, List<RunRecord.Warning> warnings,
            PrintWriter console) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            // (A failed import may not have written its rejects files yet: no row warnings then.)
            warnings = withRowWarnings(files, warnings);
            console.println(execution.getJobInstance().getJobName() + " completed.");
            return new CommandOutcome(CommandOutcome.COMPLETED, 0, files, warnings);
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof InvalidInputException invalid) {
                throw invalid;
            }
            console.println("error: " + CommandLineApp.rootMessage(t));
        }
        console.println(execution.getJobInstance().getJobName() + " " + execution.getStatus()
                + ": run the same command again to restart it.");
        return new CommandOutcome(CommandOutcome.FAILED, 1, files, warnings);
    }

    /**
     * Rejected rows are warnings of a completed run (contract section 1): one per file that had any, naming its
     * rejects file, before the command's other warnings. Duplicates alone are not: an identical file imported again
     * is all duplicates by design, and the file's counts show them.
     */
    static List<RunRecord.Warning> withRowWarnings(List<RunRecord.FileReport> files, List<RunRecord.Warning> warnings) {
        List<RunRecord.Warning> all = new java.util.ArrayList<>();
        for (RunRecord.FileReport f : files) {
            if (f.rowsRejected() == 0) {
                continue;
            }
            String name = java.nio.file.Path.of(f.path()).getFileName().toString();
            all.add(new RunRecord.Warning("", name + ": " + f.rowsRejected() + (f.rowsRejected() == 1 ? " row" : " rows")
                    + " rejected" + (f.rowsDuplicate() > 0 ? " and " + f.rowsDuplicate() + " duplicate" : "")
                    + ", reasons in rejects/" + name + "." + f.sha256().substring(0, 12) + ".rejects.csv"));
        }
        if (all.isEmpty()) {
            return warnings;
        }
        all.addAll(warnings);
        return all;
    }
}
