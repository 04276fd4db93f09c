package dev.ribilling.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code explain --date D (--reservation ID | --resource URI)}: hour by hour coverage, for disputes. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"For a reservation or a resource and a date, print hour by hour which reservation covered how many "
                + "units of which VM, at which ratio, and what was left to PAYG. Also written to "
                + "<out>/explain/explain-<date>-<subject>.txt."})
public class ExplainCommand implements BillingCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the day (UTC)")
    String date;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject = new Subject();

    static class Subject {
        @Option(names = "--reservation", paramLabel = "ID", description = "a ReservationId")
        String reservation;

        @Option(names = "--resource", paramLabel = "URI", description = "a ResourceURI (e.g. a VM)")
        String resource;
    }

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public Path out() {
        return outOption.out;
    }

    @Override
    public boolean takesRunLock() {
        return false;
    }

    @Override
    public void validate() {
        try {
            LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--date '" + date + "' is not a date (YYYY-MM-DD)");
        }
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("date", date);
        if (subject.reservation != null) {
            p.put("reservation", subject.reservation);
        }
        if (subject.resource != null) {
            p.put("resource", subject.resource);
        }
        p.put("out", String.valueOf(out()));
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("date", date);
        parameters.put("reservation", subject.reservation);
        parameters.put("resource", subject.resource);
        parameters.put("out", out().toString());
        Job job = context.getBean("explainJob", Job.class);
        // An explanation is a read: every request is its own run (the time makes the key unique).
        JobExecution execution = context.getBean(dev.ribilling.batch.JobRunner.class).run(job,
                "explain|" + date + "|" + subject.reservation + "|" + subject.resource + "|" + System.nanoTime(), parameters);
        var console = spec.commandLine().getOut();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            String file = execution.getStepExecutions().iterator().next().getExecutionContext().getString("explainFile");
            Files.readAllLines(Path.of(file)).forEach(console::println);
            console.println("(written to " + file + ")");
        }
        return JobOutcomes.of(execution, List.of(), List.of(), console);
    }
}
