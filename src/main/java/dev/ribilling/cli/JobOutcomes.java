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
}
