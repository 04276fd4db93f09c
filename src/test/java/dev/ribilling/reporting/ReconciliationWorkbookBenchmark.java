package dev.ribilling.reporting;

import dev.ribilling.benchmark.PeakHeap;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Time and peak heap of writing a large partner's reconciliation workbook (not a test: surefire excludes
 * *Benchmark*). Default size: 25,000 reservations with a daily point each per day of October (775,000 points)
 * and 100,000 uncovered-usage rows, generated on the fly. Run it under the heap the report job must fit in:
 *
 * <pre>{@code
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     dev.ribilling.reporting.ReconciliationWorkbookBenchmark [reservations] [uncoveredRows]
 * }</pre>
 *
 * <p>Measured on the shared 2-core build machine: 2.5 to 2.7 s at load average 4.8, 4.7 to 7.3 s at 7 to 10; 5.97 MB file;
 * peak heap 140 MB under -Xmx512m, 46 MB under -Xmx128m and 39 MB under -Xmx64m: the write fits in 64 MB, the
 * rest of a larger heap's peak is garbage the collector had no reason to reclaim yet. (Reading the file back with
 * POI's DOM model, XSSFWorkbook, needs more than 512 MB; that is a reader's cost, not the writer's.)
 */
public final class ReconciliationWorkbookBenchmark {

    private ReconciliationWorkbookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reservations = args.length > 0 ? Integer.parseInt(args[0]) : 25_000;
        int uncovered = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("workbook-benchmark");
        Path target = dir.resolve("reconciliation-2026-10.xlsx");
        ReconciliationWorkbookWriter writer = new ReconciliationWorkbookWriter();

        // A small warm-up so class loading and JIT are not timed.
        writer.write(target, WorkbookFixtures.large(500, 2_000));
        PeakHeap.reset();
        long start = System.nanoTime();
        writer.write(target, WorkbookFixtures.large(reservations, uncovered));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = PeakHeap.bytes();

        System.out.printf("%,d reservations, %,d reservation-day points, %,d uncovered rows, %d cores%n", reservations,
                reservations * 31L, uncovered, Runtime.getRuntime().availableProcessors());
        System.out.printf("written in %,d ms, %,d bytes; peak heap %,d MB of -Xmx %,d MB%n", millis, Files.size(target),
                peak >> 20, PeakHeap.maxHeap() >> 20);
        Files.deleteIfExists(target);
        Files.deleteIfExists(dir);
    }
}
