package dev.ribilling.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ribilling.cli.CommandLineApp;
import dev.ribilling.generate.GeneratorSpec;
import dev.ribilling.generate.PartnerGenerator;
import dev.ribilling.generate.UsageGranularity;
import dev.ribilling.testing.ChildJvm;
import dev.ribilling.testing.ChildRuns;
import dev.ribilling.testing.H2Files;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nightly runs at once on one installation (contract section 1: runs never overlap): the first, in a child JVM,
 * imports an inbox holding a generated partner and closes October (run date 8 November, the close day); a second
 * nightly started meanwhile against the same database is refused with exit code 1 and a message naming the run in
 * progress, touches nothing, and the first completes with all its outputs.
 */
class ConcurrentNightlyTests {

    @TempDir
    Path tmp;

    @Test
    void aSecondNightlyWhileOneRunsIsRefusedAndTheFirstCompletes() throws Exception {
        Path inbox = tmp.resolve("inbox");
        new PartnerGenerator().generate(GeneratorSpec.days(42, 30, 600, LocalDate.of(2026, 10, 1), 3,
                UsageGranularity.HOURLY, inbox));
        List<String> inboxFiles = fileNames(inbox);
        String url = H2Files.url(tmp.resolve("db"));
        Path out = tmp.resolve("out");

        ChildJvm first = ChildJvm.start(tmp.resolve("child"), "nightly-first", List.of("nightly", "--date", "2026-11-08",
                "--inbox", inbox.toString(), "--out", out.toString(), "--spring.datasource.url=" + url,
                "--logging.level.org.springframework.batch.core.step.AbstractStep=INFO"));
        StringWriter log = new StringWriter();
        Path secondOut = tmp.resolve("second-out");
        int secondExit;
        try {
            // The lock is taken before the job starts: once its first step runs, the first run holds it.
            assertThat(first.awaitLog("Executing step: [importInboxStep]", Duration.ofMinutes(2)))
                    .as("the first nightly starts; log:\n%s", first.log()).isTrue();
            assertThat(H2Files.rows(url, "SELECT command, pid FROM job_lock")).singleElement().asString()
                    .startsWith("nightly {date=2026-11-08").endsWith("|" + first.pid());

            secondExit = new CommandLineApp(new PrintWriter(log, true), new PrintWriter(log, true)).execute("nightly",
                    "--date", "2026-11-08", "--inbox", inbox.toString(), "--out", secondOut.toString(),
                    "--spring.datasource.url=" + url);

            assertThat(first.isAlive()).as("the runs overlapped: the first was still running; its log:\n%s",
                    first.log()).isTrue();
        } catch (Throwable t) {
            first.kill();
            throw t;
        }
        assertThat(secondExit).as(log.toString()).isEqualTo(1);
        assertThat(log.toString()).contains("ri-billing nightly " + ChildRuns.REFUSED + ": nightly {date=2026-11-08")
                .contains("(pid " + first.pid() + ")").contains("runs never overlap, try again when it has finished");
        JsonNode refused = new ObjectMapper().readTree(secondOut.resolve("last-run.json").toFile());
        assertThat(refused.get("command").asText()).isEqualTo("nightly");
        assertThat(refused.get("exitCode").asInt()).isEqualTo(1);
        assertThat(refused.get("status").asText()).isEqualTo("FAILED");

        int firstExit = first.waitFor(Duration.ofMinutes(4));
        assertThat(firstExit).as("the first nightly; log:\n%s", first.log()).isZero();

        // Its outputs: the inbox imported and moved aside, October matched and invoiced, November's days matched.
        assertThat(fileNames(inbox)).as("the inbox is empty").isEmpty();
        assertThat(fileNames(inbox.resolve("processed/2026-11-08"))).isEqualTo(inboxFiles);
        JsonNode run = new ObjectMapper().readTree(out.resolve("last-run.json").toFile());
        assertThat(run.get("command").asText()).isEqualTo("nightly");
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("files")).hasSize(inboxFiles.size());
        assertThat(out.resolve("2026-10/utilization-2026-10.csv")).isNotEmptyFile();
        assertThat(out.resolve("2026-10/utilization-daily-2026-10.csv")).isNotEmptyFile();
        assertThat(out.resolve("2026-11/utilization-2026-11.csv")).exists();
        long invoices = H2Files.count(url, "SELECT COUNT(*) FROM invoice WHERE period = '2026-10'");
        assertThat(invoices).as("October is invoiced on the close day").isGreaterThanOrEqualTo(30);
        try (Stream<Path> files = Files.walk(out.resolve("2026-10/invoices"))) {
            assertThat(files.filter(p -> p.toString().endsWith("-R1.csv")).count()).isEqualTo(invoices);
        }

        // The refused run started no job, and nothing holds the lock any more.
        assertThat(H2Files.statuses(url, "nightlyJob")).containsExactly("COMPLETED");
        assertThat(H2Files.count(url, "SELECT COUNT(*) FROM job_lock")).isZero();
        assertThat(secondOut.resolve("2026-10")).doesNotExist();
    }

    private static List<String> fileNames(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
