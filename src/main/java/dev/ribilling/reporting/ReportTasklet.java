package dev.ribilling.reporting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <out>/<YYYY-MM>/reconciliation-<YYYY-MM>.xlsx} from the database. The workbook is written to a
 * temporary file and moved into place, so a failed or killed step leaves the previous workbook; running the step
 * again rewrites the whole workbook (it is a pure function of the stored data, apart from Run info's GeneratedAt).
 */
@Component
public class ReportTasklet implements Tasklet {

    public static final String WORKBOOK_KEY = "workbook";

    private final ReconciliationDataLoader loader;
    private final String defaultOut;
    private final ReconciliationWorkbookWriter writer = new ReconciliationWorkbookWriter();

    public ReportTasklet(ReconciliationDataLoader loader, @Value("${billing.out:out}") String defaultOut) {
        this.loader = loader;
        this.defaultOut = defaultOut;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        var parameters = jobExecution.getJobParameters();
        YearMonth period = YearMonth.parse(parameters.getString("period"));
        String out = parameters.getString("out");
        Map<String, String> listed = new LinkedHashMap<>();
        listed.put("Job", jobExecution.getJobInstance().getJobName());
        String command = parameters.getString("command");
        listed.put("Command", command == null ? null : command.replace("\n", "; "));
        listed.put("Out", out == null ? defaultOut : out);
        Path target = write(Path.of(out == null ? defaultOut : out), period, listed);
        contribution.getStepExecution().getExecutionContext().putString(WORKBOOK_KEY, target.toString());
        return RepeatStatus.FINISHED;
    }

    public Path write(Path out, YearMonth period, Map<String, String> parameters) throws IOException {
        Path target = out.resolve(period.toString()).resolve(ReconciliationWorkbookWriter.fileName(period));
        writer.write(target, loader.load(period, parameters));
        return target;
    }
}
