package dev.ribilling.generate;

import java.time.Duration;
import java.util.List;

/**
 * What {@link PartnerGenerator#generate(GeneratorSpec)} wrote. The elapsed time is for benchmarks only; the files
 * themselves depend on nothing but the spec.
 */
public record GenerationSummary(GeneratorSpec spec, List<GeneratedFile> files, Duration elapsed) {

    public GenerationSummary {
        files = List.copyOf(files);
    }

    /** The file of one kind, e.g. {@code "usage"}. */
    public GeneratedFile file(String kind) {
        return files.stream()
                .filter(f -> f.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " file was generated"));
    }

    public long usageRows() {
        return file("usage").rows();
    }

    /** Usage rows per second of wall-clock time for the whole run (all files). */
    public double usageRowsPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return usageRows() / seconds;
    }
}
