package dev.ribilling.cli;

import dev.ribilling.batch.JobRunner;
import dev.ribilling.batch.RunRecord;
import dev.ribilling.ingest.FieldReader;
import dev.ribilling.ingest.ImportSummary;
import dev.ribilling.ingest.InputFile;
import dev.ribilling.ingest.InputScanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code import --input DIR_OR_FILE... [--customer ID]}: loads every recognised input file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load every recognised input file (customers, reservations, prices, isf, fx-rates, usage, "
                + "partner-invoice) of the given folders and files.",
                "Bad rows go to <out>/rejects/<file>.<sha12>.rejects.csv; an identical file imported again loads nothing "
                        + "twice but retries its rows rejected for an unknown customer or SKU."})
public class ImportCommand implements BillingCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "DIR_OR_FILE",
            description = "input folders (the recognised files directly inside) or files")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--customer", paramLabel = "ID",
            description = "the customer of an Azure cost-details export (which has no CustomerId column)")
    String customer;

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "import";
    }

    @Override
    public Path out() {
        return outOption.out;
    }

    @Override
    public void validate() {
        if (customer != null && !FieldReader.isSafeId(customer)) {
            throw new ParameterException(spec.commandLine(), "--customer '" + customer + "' is not a valid CustomerId");
        }
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("input", inputs.stream().map(Path::toString).toList());
        if (customer != null) {
            p.put("customer", customer);
        }
        p.put("out", String.valueOf(out()));
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        List<InputFile> files = InputScanner.scan(inputs);
        if (customer != null) {
            refuseCostExportsOfAnotherCustomer(files, customer,
                    context.getBean(org.springframework.jdbc.core.JdbcTemplate.class));
        }
        Job job = context.getBean("importJob", Job.class);
        return runImport(context, job, "import|" + joinPaths(files) + "|" + customer, importParameters(files, customer, out()),
                spec.commandLine().getOut());
    }

    /**
     * An Azure cost-details export has no CustomerId: {@code --customer} names it. The same file (by SHA-256) already
     * loaded for another customer would be billed twice: a bad command line (exit 2), before anything loads.
     */
    static void refuseCostExportsOfAnotherCustomer(List<InputFile> files, String customer,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        for (InputFile file : files) {
            if (!InputScanner.isCostExport(file)) {
                continue;
            }
            String sha = file.sha256();
            List<String> others = jdbc.queryForList("SELECT DISTINCT d.customer_id FROM input_file f JOIN usage_file_day d "
                    + "ON d.file_id = f.id WHERE f.sha256 = ? ORDER BY d.customer_id", String.class, sha).stream()
                    .filter(c -> !c.equals(customer)).toList();
            if (!others.isEmpty()) {
                throw new dev.ribilling.ingest.InvalidInputException(file.fileName() + ": this cost-details export "
                        + "(SHA-256 " + sha.substring(0, 12) + "...) is already loaded for customer "
                        + String.join(", ", others) + "; loading it for " + customer + " would bill the same usage twice");
            }
        }
    }

    static String joinPaths(List<InputFile> files) {
        return files.stream().map(f -> f.path().toString()).collect(Collectors.joining("\n"));
    }

    static Map<String, String> importParameters(List<InputFile> files, String customer, Path out) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("inputs", joinPaths(files));
        parameters.put("customer", customer);
        parameters.put("out", out.toString());
        return parameters;
    }

    /** Runs a job that imports (the import job or the run job) and reports what it loaded. */
    static CommandOutcome runImport(ConfigurableApplicationContext context, Job job, String runKey,
            Map<String, String> parameters, PrintWriter console) throws Exception {
        JobExecution execution = context.getBean(JobRunner.class).run(job, runKey, parameters);
        ImportSummary summary = context.getBean(ImportSummary.class);
        List<RunRecord.FileReport> fileReports = summary.files(execution.getJobInstanceId());
        List<RunRecord.Warning> warnings = summary.changes(execution.getJobInstanceId());
        summary.print(fileReports, console);
        warnings.forEach(w -> console.println("changed: " + w.reason()));
        return JobOutcomes.of(execution, fileReports, warnings, console);
    }
}
