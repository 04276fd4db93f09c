package dev.ribilling.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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

/** {@code match --period YYYY-MM [--date YYYY-MM-DD]}: applies reservations to usage and writes utilization. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Apply reservations to usage hour by hour for the month (or one day of it), store allocations, "
                + "utilization, amortized cost, PAYG equivalent and savings, and write "
                + "<out>/<YYYY-MM>/utilization-<YYYY-MM>.csv and utilization-daily-<YYYY-MM>.csv.",
                "Matching a period or day again replaces its results."})
public class MatchCommand implements BillingCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "the month")
    String period;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "match only this day of the month")
    String date;

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "match";
    }

    @Override
    public Path out() {
        return outOption.out;
    }

    @Override
    public void validate() {
        YearMonth month = RunCommand.yearMonth(spec, period);
        if (date != null) {
            try {
                if (!YearMonth.from(LocalDate.parse(date)).equals(month)) {
                    throw new ParameterException(spec.commandLine(), "--date " + date + " is not in --period " + period);
                }
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--date '" + date + "' is not a date (YYYY-MM-DD)");
            }
        }
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("period", period);
        if (date != null) {
            p.put("date", date);
        }
        p.put("out", String.valueOf(out()));
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("period", period);
        parameters.put("date", date);
        parameters.put("out", out().toString());
        Job job = context.getBean("matchJob", Job.class);
        JobExecution execution = context.getBean(dev.ribilling.batch.JobRunner.class).run(job,
                "match|" + period + "|" + (date == null ? "" : date), parameters);
        var console = spec.commandLine().getOut();
        List<dev.ribilling.batch.RunRecord.Warning> warnings = MatchWarnings.of(context, period, date);
        warnings.forEach(w -> console.println("alert: " + w.customerId() + ": " + w.reason()));
        console.println("utilization: " + out().resolve(period).resolve("utilization-" + period + ".csv"));
        return JobOutcomes.of(execution, List.of(), warnings, console);
    }
}
