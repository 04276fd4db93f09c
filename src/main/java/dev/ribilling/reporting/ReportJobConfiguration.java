package dev.ribilling.reporting;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The report job: {@code writeReconciliationWorkbookStep} reads the period's stored results (match, invoices,
 * partner invoice, alerts, imports) and writes the finance reconciliation workbook. The run job ends with the
 * same step.
 */
@Configuration
public class ReportJobConfiguration {

    public static final String JOB_NAME = "reportJob";
    public static final String STEP_NAME = "writeReconciliationWorkbookStep";

    @Bean
    public Job reportJob(JobRepository jobRepository, ReportSteps reportSteps) {
        return new JobBuilder(JOB_NAME, jobRepository).start(reportSteps.writeWorkbook()).build();
    }

    @Bean
    public ReportSteps reportSteps(JobRepository jobRepository, PlatformTransactionManager tm, ReportTasklet tasklet) {
        return new ReportSteps(new StepBuilder(STEP_NAME, jobRepository).tasklet(tasklet, tm).build());
    }

    /** The step of the report job, also the last step of the run job. */
    public record ReportSteps(Step writeWorkbook) {
    }
}
