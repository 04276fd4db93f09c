package dev.ribilling.cli;

import dev.ribilling.batch.JobRunner;
import dev.ribilling.batch.RunRecord;
import dev.ribilling.reporting.ReconciliationWorkbookWriter;
import dev.ribilling.reporting.ReportJobConfiguration;
import java.nio.file.Path;
import java.time.YearMonth;
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
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report --period YYYY-MM}: writes the finance reconciliation workbook of a month. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the finance reconciliation workbook <out>/<YYYY-MM>/reconciliation-<YYYY-MM>.xlsx from "
                + "the database: Summary (partner cost, billed amount, margin per customer and reseller, partner total), "
                + "Utilization with a daily chart, Uncovered usage, Variance against Microsoft's partner invoice, Alerts, "
                + "Recommendations, Rejected rows and Run info.",
                "Run match and invoice for the month first; running report again rewrites the workbook."})
public class ReportCommand implements BillingCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "the month")
    String period;

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "report";
    }

    @Override
    public Path out() {
        return outOption.out;
    }

    @Override
    public void validate() {
        RunCommand.yearMonth(spec, period);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("period", period);
        p.put("out", String.valueOf(out()));
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        var console = spec.commandLine().getOut();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("period", period);
        parameters.put("out", out().toString());
        Job job = context.getBean(ReportJobConfiguration.JOB_NAME, Job.class);
        JobExecution execution = context.getBean(JobRunner.class).run(job, "report|" + period, parameters);
        List<RunRecord.Warning> warnings = warnings(context, period);
        warnings.forEach(w -> console.println("warning: " + w.reason()));
        console.println("reconciliation: " + workbook(out(), period));
        return JobOutcomes.of(execution, List.of(), warnings, console);
    }

    static Path workbook(Path out, String period) {
        return out.resolve(period).resolve(ReconciliationWorkbookWriter.fileName(YearMonth.parse(period)));
    }

    /** A month reported before it is matched or invoiced shows zeros: say so. */
    static List<RunRecord.Warning> warnings(ConfigurableApplicationContext context, String period) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        YearMonth month = YearMonth.parse(period);
        List<RunRecord.Warning> warnings = new ArrayList<>();
        Long usage = jdbc.queryForObject("SELECT COALESCE(SUM(row_count), 0) FROM usage_customer_day "
                + "WHERE usage_date BETWEEN ? AND ?", Long.class,
                month.atDay(1), month.atEndOfMonth());
        Long matched = jdbc.queryForObject("SELECT COALESCE(SUM(row_count), 0) FROM usage_coverage WHERE usage_date "
                + "BETWEEN ? AND ?", Long.class, month.atDay(1), month.atEndOfMonth());
        if (usage > matched) {
            warnings.add(new RunRecord.Warning("", (usage - matched) + " usage rows of " + period
                    + " are not matched: run match --period " + period + " before report"));
        }
        Integer invoices = jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE period = ?", Integer.class, period);
        if (invoices == 0) {
            warnings.add(new RunRecord.Warning("", "no invoice issued for " + period + ": BilledAmount is 0"));
        }
        return warnings;
    }
}
