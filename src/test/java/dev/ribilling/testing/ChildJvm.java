package dev.ribilling.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application started as a separate JVM with the test's runtime class path, as {@code java -jar} would start it,
 * so that a test can kill it for real ({@link Process#destroyForcibly()}: SIGKILL, no shutdown hooks).
 * Standard output and error go to {@code <logDir>/<name>.log}.
 */
public final class ChildJvm {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ChildJvm start(Path workDir, String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Quick start-up on a busy machine; the flags change no behaviour of the application.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx512m");
        command.add("-Duser.timezone=UTC");
        // Under failsafe (mvn verify) the packaged jar itself, as an operator runs it; else the test class path.
        String jar = System.getProperty("ribilling.jar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            command.add("-jar");
            command.add(jar);
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("dev.ribilling.RiBillingApplication");
        }
        command.addAll(args);
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ChildJvm(process, log);
    }

    /** The operating system's process id (the run lock names its holder by it). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Waits until the log contains the text; false if the process ended or the time ran out first. */
    public boolean awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return log().contains(text);
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The exit code, after waiting at most the timeout (the process is killed if it has not ended by then). */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM did not end within " + timeout + "; its log:\n" + log());
        }
        return process.exitValue();
    }

    /** SIGKILL: the JVM gets no chance to roll back, close the database or run shutdown hooks. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
