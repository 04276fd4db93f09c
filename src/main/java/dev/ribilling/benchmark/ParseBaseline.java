package dev.ribilling.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The raw-parse baseline every benchmark prints beside its figure: read the file with a BufferedReader and split
 * each line on commas, nothing else. It tells how fast this machine, in this run, can merely touch the bytes.
 */
public final class ParseBaseline {

    private ParseBaseline() {
    }

    public record Result(long rows, long nanos, long checksum) {
        public double rowsPerSecond() {
            return rows * 1e9 / Math.max(1, nanos);
        }
    }

    public static Result measure(Path file) throws IOException {
        long start = System.nanoTime();
        long rows = 0;
        long checksum = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split(",");
                checksum += fields.length;
                rows++;
            }
        }
        return new Result(rows, System.nanoTime() - start, checksum);
    }
}
