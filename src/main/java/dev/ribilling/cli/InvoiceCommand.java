package dev.ribilling.cli;

import dev.ribilling.batch.RunRecord;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code invoice --period YYYY-MM [--customer ID --reason TEXT]}: issues customer invoices, or a revision. */
@Command(name = "invoice", mixinStandardHelpOptions = true,
        description = {"Issue the customer invoices of a month (the month must be matched first). On an invoiced month, "
                + "the issued revisions are rewritten as they are; --customer with --reason recomputes one customer and "
                + "issues revision N+1 with Adjustment lines and a credit or debit note when an amount changed.",
                "Files: <out>/<YYYY-MM>/invoices/<CustomerId>/<InvoiceNumber>-R<N>.csv/.xlsx, "
                        + "<out>/<YYYY-MM>/resellers/<ResellerId>/summary-<YYYY-MM>.csv/.xlsx."})
public class InvoiceCommand implements BillingCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "the month")
    String period;

    @Option(names = "--customer", paramLabel = "ID",
            description = "only this customer: a dispute rerun, with --reason (issues a revision when a line changed)")
    String customer;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why a revision is issued (a dispute rerun)")
    String reason;

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "invoice";
    }

    @Override
    public Path out() {
        return outOption.out;
    }

    @Override
    public void validate() {
        RunCommand.yearMonth(spec, period);
        if (reason != null && customer == null) {
            throw new ParameterException(spec.commandLine(), "--reason goes with --customer (a revision is per customer)");
        }
        if (customer != null && reason == null) {
            // Contract section 1: a rerun for one customer is a dispute rerun, and says why.
            throw new ParameterException(spec.commandLine(), "--customer needs --reason TEXT: a rerun for one customer "
                    + "issues a revision and records why");
        }
        if (reason != null && reason.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--reason must say why");
        }
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("period", period);
        if (customer != null) {
            p.put("customer", customer);
        }
        if (reason != null) {
            p.put("reason", reason);
        }
        p.put("out", String.valueOf(out()));
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        var console = spec.commandLine().getOut();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("period", period);
        parameters.put("customer", customer);
        parameters.put("reason", reason);
        parameters.put("out", out().toString());
        if (customer != null && !dev.ribilling.ingest.CustomerTable.isLoaded(
                context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), customer)) {
            // A dispute rerun for a customer that is not loaded is a bad command line, not an empty success.
            throw new dev.ribilling.ingest.InvalidInputException("--customer " + customer
                    + ": no such customer (customers are loaded by import)");
        }
        if (customer != null && context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM invoice WHERE period = ?", Integer.class, period) == 0) {
            // Numbers are assigned at first issue in (bill-to party, CustomerId) order: a month is first issued whole.
            throw new dev.ribilling.ingest.InvalidInputException("--customer " + customer + ": " + period
                    + " is not invoiced yet; issue the month first with invoice --period " + period
                    + " (a revision with --customer and --reason follows a first issue)");
        }
        Job job = context.getBean("invoiceJob", Job.class);
        // The same command after a failure restarts it; after a success it is a new attempt (JobRunner), so a
        // dispute rerun repeated with the same reason is a new run too.
        String runKey = "invoice|" + period + "|" + (customer == null ? "" : customer) + "|" + (reason == null ? "" : reason);
        JobExecution execution = context.getBean(dev.ribilling.batch.JobRunner.class).run(job, runKey, parameters);
        List<RunRecord.Warning> warnings = InvoiceWarnings.of(context, period);
        warnings.forEach(w -> console.println("invoice: " + w.customerId() + ": " + w.reason()));
        console.println("invoices: " + out().resolve(period).resolve("invoices"));
        return JobOutcomes.of(execution, List.of(), warnings, console);
    }
}
