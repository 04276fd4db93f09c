package dev.ribilling.cli;

import dev.ribilling.generate.GeneratedFile;
import dev.ribilling.generate.GenerationSummary;
import dev.ribilling.generate.GeneratorSpec;
import dev.ribilling.generate.PartnerGenerator;
import dev.ribilling.generate.UsageGranularity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code generate}: a deterministic synthetic partner in the input formats, for benchmarks and scale tests. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a deterministic synthetic partner (customers, reservations, prices, the real isf table, "
                + "fx rates, usage, partner invoice) into a folder. Same seed and size, same bytes.",
                "Sizes: S (4 customers, 40 VMs, one day), M (25,000 VMs, one day), L (25,000 VMs, a whole month)."})
public class GenerateCommand implements BillingCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--size", paramLabel = "S|M|L", description = "a preset size (default: ${DEFAULT-VALUE})",
            defaultValue = "S")
    String size;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Option(names = "--customers", description = "number of customers (overrides the preset)")
    Integer customers;

    @Option(names = "--vms", description = "number of VMs over all customers (overrides the preset)")
    Integer vms;

    @Option(names = "--days", description = "number of usage days from the 1st of the period (overrides the preset)")
    Integer days;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "the month (default: the preset's, 2026-10)")
    String period;

    @Option(names = "--daily", description = "daily usage rows instead of hourly")
    boolean daily;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "folder to write the files into")
    Path dir;

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public Path out() {
        return outOption.out;
    }

    @Override
    public boolean needsContext() {
        return false;
    }

    @Override
    public void validate() {
        if (!List.of("S", "M", "L").contains(size.toUpperCase(java.util.Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "--size must be S, M or L");
        }
        if (period != null) {
            RunCommand.yearMonth(spec, period);
        }
        try {
            spec();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    GeneratorSpec spec() {
        GeneratorSpec preset = GeneratorSpec.preset(size.toUpperCase(java.util.Locale.ROOT), seed, dir);
        YearMonth month = period == null ? preset.period() : YearMonth.parse(period);
        LocalDate first = month.atDay(1);
        int n = days != null ? days : Math.min(preset.days(), month.lengthOfMonth());
        GeneratorSpec custom = new GeneratorSpec(seed, customers != null ? customers : preset.customers(),
                vms != null ? vms : preset.totalVms(), month, first, n,
                daily ? UsageGranularity.DAILY : preset.granularity(), dir, preset.partnerInvoice());
        return custom;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("size", size);
        p.put("seed", seed);
        p.put("dir", String.valueOf(dir));
        if (customers != null) {
            p.put("customers", customers);
        }
        if (vms != null) {
            p.put("vms", vms);
        }
        if (days != null) {
            p.put("days", days);
        }
        if (period != null) {
            p.put("period", period);
        }
        p.put("daily", daily);
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        GenerationSummary summary = new PartnerGenerator().generate(spec());
        var console = spec.commandLine().getOut();
        for (GeneratedFile f : summary.files()) {
            console.printf("%-16s %-48s %12d rows %14d bytes%n", f.kind(), f.path(), f.rows(), f.bytes());
        }
        console.printf("generated in %d ms (%.0f usage rows/s)%n", summary.elapsed().toMillis(), summary.usageRowsPerSecond());
        return new CommandOutcome(CommandOutcome.COMPLETED, 0, List.of(), List.of());
    }
}
