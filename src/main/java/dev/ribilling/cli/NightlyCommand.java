package dev.ribilling.cli;

import dev.ribilling.batch.JobRunner;
import dev.ribilling.batch.RunRecord;
import dev.ribilling.ingest.ImportSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nightly [--date D]}: the scheduled run (see NightlyJobConfiguration). */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"The scheduled run for day D (default today, UTC): import new inbox files (billing.inbox, default "
                + "inbox/; imported files move to inbox/processed/D/), re-match every day that received new usage plus "
                + "D-1 to D-3, refresh the month-to-date reports, and on day billing.close-day (default 8) invoice the "
                + "previous month. Usage arriving for an invoiced month raises an alert.",
                "Running it again for the same D after a failure restarts it where it stopped."})
public class NightlyCommand implements BillingCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the run date D (default: today UTC)")
    String date;

    @Option(names = "--inbox", paramLabel = "DIR", description = "the inbox folder (default: billing.inbox or inbox)")
    Path inbox;

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "nightly";
    }

    @Override
    public Path out() {
        return outOption.out;
    }

    @Override
    public void validate() {
        if (date != null) {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--date '" + date + "' is not a date (YYYY-MM-DD)");
            }
        }
    }

    private String runDate() {
        return date != null ? date : LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("date", runDate());
        if (inbox != null) {
            p.put("inbox", inbox.toString());
        }
        p.put("out", String.valueOf(out()));
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        String d = runDate();
        Path box = inbox != null ? inbox : Path.of(context.getEnvironment().getProperty("billing.inbox", "inbox"));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("date", d);
        parameters.put("inbox", box.toAbsolutePath().normalize().toString());
        parameters.put("out", out().toString());
        JobExecution execution = context.getBean(JobRunner.class).run(context.getBean("nightlyJob", Job.class),
                "nightly|" + d, parameters);
        var console = spec.commandLine().getOut();
        long importInstance = execution.getExecutionContext().getLong("importJobInstanceId", -1L);
        List<RunRecord.FileReport> files = importInstance < 0 ? List.of()
                : context.getBean(ImportSummary.class).files(importInstance);
        if (!files.isEmpty()) {
            context.getBean(ImportSummary.class).print(files, console);
        }
        List<RunRecord.Warning> warnings = new ArrayList<>(context.getBean(JdbcTemplate.class).query(
                "SELECT customer_id, message FROM billing_alert WHERE source = 'nightly' AND alert_date = ? ORDER BY id",
                (rs, n) -> new RunRecord.Warning(rs.getString(1), rs.getString(2)), LocalDate.parse(d)));
        warnings.forEach(w -> console.println("alert: " + w.customerId() + ": " + w.reason()));
        if (importInstance >= 0) {
            // Rows of the inbox's files that replaced an earlier version of their key (contract section 2).
            List<RunRecord.Warning> changes = context.getBean(ImportSummary.class).changes(importInstance);
            changes.forEach(w -> console.println("changed: " + w.reason()));
            warnings.addAll(changes);
        }
        int closeDay = context.getEnvironment().getProperty("billing.close-day", Integer.class, 8);
        java.time.YearMonth closed = dev.ribilling.pipeline.NightlyPlan.of(LocalDate.parse(d), List.of(), closeDay)
                .monthToClose();
        if (closed != null) {
            // The close day matched and invoiced the previous month: its alerts and skipped customers, as the
            // match and invoice commands report them.
            warnings.addAll(InvoiceWarnings.ofMatchedAndInvoiced(context, closed.toString(), console));
        }
        return JobOutcomes.of(execution, files, warnings, console);
    }
}
