package dev.ribilling.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner of 25,000 reservations (with 775,000 reservation-day points for the chart) and 100,000 uncovered
 * usage rows, generated on the fly: the writer must stream it. The heap ceiling itself is measured by
 * {@link ReconciliationWorkbookBenchmark} under -Xmx512m; a test JVM shares its heap with other tests.
 */
class ReconciliationWorkbookLargePartnerTests {

    @Test
    void writesALargePartnerFromStreams(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("reconciliation-2026-10.xlsx");
        Runtime runtime = Runtime.getRuntime();
        long start = System.nanoTime();

        new ReconciliationWorkbookWriter().write(target, WorkbookFixtures.large(25_000, 100_000));

        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("large partner workbook: %,d bytes in %,d ms, heap used after %,d MB of %,d MB max%n",
                Files.size(target), millis, (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        assertThat(Files.size(target)).isGreaterThan(1_000_000);
    }
}
