package dev.ribilling.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report job streams sheets from JDBC: the writer must open one source at a time, close each, and leave
 * neither a half-written workbook nor a temporary file when a source fails.
 */
class RowSourceLifecycleTests {

    private final AtomicInteger open = new AtomicInteger();
    private final List<String> events = new ArrayList<>();

    @Test
    void sourcesAreOpenedOneAtATimeAndAllClosed(@TempDir Path dir) throws IOException {
        ReconciliationData data = ReconciliationData.builder(WorkbookFixtures.OCTOBER, WorkbookFixtures.runInfo())
                .utilization(tracked("utilization", List.of(WorkbookFixtures.reservation("r", "0.5", "EUR"))),
                        tracked("daily", List.<DailyUtilizationPoint>of()))
                .uncoveredUsage(tracked("uncovered", List.of()))
                .variance(tracked("variance", List.of()))
                .alerts(tracked("alerts", List.of()))
                .recommendations(tracked("recommendations", List.of()))
                .rejectedRows(tracked("rejected", List.of()))
                .build();

        new ReconciliationWorkbookWriter().write(dir.resolve("w.xlsx"), data);

        assertThat(events).containsExactly("open utilization", "close utilization", "open daily", "close daily",
                "open uncovered", "close uncovered", "open variance", "close variance", "open alerts", "close alerts",
                "open recommendations", "close recommendations", "open rejected", "close rejected");
    }

    @Test
    void aFailingSourceLeavesThePreviousWorkbookAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("reconciliation-2026-10.xlsx");
        Files.writeString(target, "previous");
        RowSource<UncoveredUsageRow> failing = () -> Stream.generate(() -> {
            throw new IllegalStateException("connection lost");
        });
        ReconciliationData data = ReconciliationData.builder(WorkbookFixtures.OCTOBER, WorkbookFixtures.runInfo())
                .uncoveredUsage(failing).build();

        assertThatThrownBy(() -> new ReconciliationWorkbookWriter().write(target, data))
                .hasMessage("connection lost");
        assertThat(Files.readString(target)).isEqualTo("previous");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    private <T> RowSource<T> tracked(String name, List<T> rows) {
        return () -> {
            assertThat(open.incrementAndGet()).as("sources open at once").isEqualTo(1);
            events.add("open " + name);
            return rows.stream().onClose(() -> {
                open.decrementAndGet();
                events.add("close " + name);
            });
        };
    }
}
