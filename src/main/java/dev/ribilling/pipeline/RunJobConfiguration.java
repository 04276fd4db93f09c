package dev.ribilling.pipeline;

import dev.ribilling.ingest.ImportSteps;
import dev.ribilling.invoicing.InvoiceJobConfiguration;
import dev.ribilling.matching.MatchJobConfiguration;
import dev.ribilling.reporting.ReportJobConfiguration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The main job, {@code run}: the same step beans as the separate jobs, one after the other, so that a failed run
 * restarts at the step that failed.
 */
@Configuration
public class RunJobConfiguration {

    public static final String JOB_NAME = "runJob";

    @Bean
    public Job runJob(JobRepository jobRepository, ImportSteps importSteps, MatchJobConfiguration.MatchSteps matchSteps,
            InvoiceJobConfiguration.InvoiceSteps invoiceSteps, ReportJobConfiguration.ReportSteps reportSteps) {
        return importSteps.appendTo(new JobBuilder(JOB_NAME, jobRepository).start(importSteps.first()))
                .next(matchSteps.matchUsage()).next(matchSteps.writeUtilizationFiles())
                .next(invoiceSteps.compute()).next(invoiceSteps.issue()).next(invoiceSteps.writeFiles())
                .next(reportSteps.writeWorkbook()).build();
    }
}
