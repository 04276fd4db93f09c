package dev.ribilling.cli;

import dev.ribilling.ingest.InputFile;
import dev.ribilling.ingest.InputScanner;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run --period YYYY-MM --input DIR}: the main job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The main job: import the input folder, then match, invoice and report the period.")
public class RunCommand implements BillingCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "the billing month")
    String period;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "the input folder")
    Path input;

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "run";
    }

    @Override
    public Path out() {
        return outOption.out;
    }

    @Override
    public void validate() {
        yearMonth(spec, period);
    }

    static YearMonth yearMonth(CommandSpec spec, String period) {
        try {
            if (period == null || !period.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", String.valueOf(period), 0);
            }
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--period '" + period + "' is not a month (YYYY-MM)");
        }
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("period", period);
        if (input != null) {
            p.put("input", input.toString());
        }
        p.put("out", String.valueOf(out()));
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        List<InputFile> files = InputScanner.scan(List.of(input));
        Map<String, String> parameters = ImportCommand.importParameters(files, null, out());
        parameters.put("period", period);
        Job job = context.getBean("runJob", Job.class);
        CommandOutcome imported = ImportCommand.runImport(context, job, "run|" + period + "|"
                + ImportCommand.joinPaths(files), parameters, spec.commandLine().getOut());
        List<dev.ribilling.batch.RunRecord.Warning> warnings = new java.util.ArrayList<>(imported.warnings());
        warnings.addAll(InvoiceWarnings.ofMatchedAndInvoiced(context, period, spec.commandLine().getOut()));
        if (imported.exitCode() == 0) {
            spec.commandLine().getOut().println("reconciliation: " + ReportCommand.workbook(out(), period));
        }
        return new CommandOutcome(imported.status(), imported.exitCode(), imported.files(), warnings);
    }
}
