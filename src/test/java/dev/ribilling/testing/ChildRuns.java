package dev.ribilling.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs of the application in child JVMs that see the run lock (contract section 1: runs never overlap). */
public final class ChildRuns {

    /** What a refused run prints (CommandLineApp): "ri-billing COMMAND refused: another ri-billing run is ...". */
    public static final String REFUSED = "refused: another ri-billing run is in progress";

    private ChildRuns() {
    }

    /** A finished child: its exit code, its log and how many times the run lock refused it first. */
    public record Finished(int exitCode, String log, int refusals) {
    }

    /**
     * Runs the command to its end; while the run lock of a killed process is not yet stale the run is refused
     * (exit 1, "refused"), and it is started again a second later, as an operator or scheduler would.
     */
    public static Finished runWaitingForTheLock(Path workDir, String name, List<String> args, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 0; ; attempt++) {
            ChildJvm child = ChildJvm.start(workDir, name + (attempt == 0 ? "" : "-" + attempt), args);
            int exit = child.waitFor(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            String log = child.log();
            if (exit == 1 && log.contains(REFUSED) && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                continue;
            }
            return new Finished(exit, log, attempt);
        }
    }
}
