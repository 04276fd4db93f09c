package dev.ribilling.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a synthetic CSP partner month: customers, reservations, price sheet, ISF table, fx rates, usage and
 * (optionally) Microsoft's partner invoice, in the input formats of the contract (section 2), under the file-name
 * prefixes an import recognises. Deterministic: the same {@link GeneratorSpec} always gives byte-identical files.
 * Plain Java, no Spring, so benchmarks and tests can call it directly.
 */
public final class PartnerGenerator {

    /** Writes every file of {@code spec} into its output directory and reports what was written. */
    public GenerationSummary generate(GeneratorSpec spec) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(spec.outputDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IsfTable isf = IsfTable.fromClasspath();
        SyntheticFleet fleet = new FleetBuilder(spec, VmCatalog.standard(isf)).build();
        ReferenceFileWriter reference = new ReferenceFileWriter(spec, fleet);

        List<GeneratedFile> files = new ArrayList<>();
        files.add(reference.isf(isf));
        files.add(reference.prices());
        files.add(reference.fxRates());
        files.add(reference.customers());
        files.add(reference.reservations());
        String usageName = "usage-" + spec.period() + (spec.granularity() == UsageGranularity.DAILY ? "-daily" : "")
                + ".csv";
        files.add(new UsageFileWriter(spec, fleet).write(spec.outputDir().resolve(usageName)));
        if (spec.partnerInvoice()) {
            files.add(reference.partnerInvoice());
        }
        return new GenerationSummary(spec, files, Duration.ofNanos(System.nanoTime() - started));
    }
}
