package dev.ribilling.generate;

import java.nio.file.Path;

/**
 * Measures generation speed for a preset; not a test (Surefire excludes *Benchmark*). Run from the project root:
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.ribilling.generate.PartnerGeneratorBenchmark M 42 target/bench
 * </pre>
 * The usage file of L is about 5 GB; the output directory is not deleted afterwards.
 */
public final class PartnerGeneratorBenchmark {

    private PartnerGeneratorBenchmark() {
    }

    public static void main(String[] args) {
        String preset = args.length > 0 ? args[0] : "M";
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        Path out = Path.of(args.length > 2 ? args[2] : "target/bench-" + preset);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        for (int run = 1; run <= runs; run++) {
            GenerationSummary summary = new PartnerGenerator().generate(GeneratorSpec.preset(preset, seed, out));
            for (GeneratedFile file : summary.files()) {
                System.out.println(file.kind() + "\t" + file.rows() + " rows\t" + file.bytes() + " bytes\t"
                        + file.path());
            }
            System.out.println("run " + run + ": " + summary.elapsed().toMillis() + " ms, "
                    + Math.round(summary.usageRowsPerSecond()) + " usage rows/s");
        }
    }
}
