package dev.ribilling.invoicing;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The invoice job: {@code computeInvoicesStep} applies the invoice rules to each customer (a few customers per
 * transaction, restartable) and stores drafts; {@code issueInvoicesStep} numbers and issues them, or makes a
 * revision on a dispute rerun; {@code writeInvoiceFilesStep} renders the period's files.
 */
@Configuration
public class InvoiceJobConfiguration {

    public static final String JOB_NAME = "invoiceJob";

    @Bean
    public Job invoiceJob(JobRepository jobRepository, InvoiceSteps invoiceSteps) {
        return new JobBuilder(JOB_NAME, jobRepository).start(invoiceSteps.compute()).next(invoiceSteps.issue())
                .next(invoiceSteps.writeFiles()).build();
    }

    @Bean
    public InvoiceSteps invoiceSteps(JobRepository jobRepository, PlatformTransactionManager tm,
            CustomerIdReader invoiceCustomerReader, CustomerInvoiceProcessor customerInvoiceProcessor,
            InvoiceDraftWriter invoiceDraftWriter, IssueInvoicesTasklet issue, InvoiceFilesTasklet files,
            dev.ribilling.batch.ProgressListener progress) {
        Step compute = new StepBuilder("computeInvoicesStep", jobRepository).<String, CustomerInvoiceDraft>chunk(10)
                .transactionManager(tm).reader(invoiceCustomerReader).processor(customerInvoiceProcessor)
                .writer(invoiceDraftWriter).listener((org.springframework.batch.core.listener.StepListener) progress).build();
        Step issueStep = new StepBuilder("issueInvoicesStep", jobRepository).tasklet(issue, tm).build();
        Step filesStep = new StepBuilder("writeInvoiceFilesStep", jobRepository).tasklet(files, tm).build();
        return new InvoiceSteps(compute, issueStep, filesStep);
    }

    @Bean
    @StepScope
    public CustomerIdReader invoiceCustomerReader(@Value("#{jobParameters['customer']}") String customer,
            InvoiceInputs inputs) {
        return new CustomerIdReader(inputs.customers(customer));
    }

    @Bean
    @StepScope
    public CustomerInvoiceProcessor customerInvoiceProcessor(@Value("#{jobParameters['period']}") String period,
            InvoiceInputs inputs, @Value("${billing.early-termination-fee-pct:0}") BigDecimal feePct) {
        return new CustomerInvoiceProcessor(YearMonth.parse(period), inputs, feePct);
    }

    @Bean
    @StepScope
    public InvoiceDraftWriter invoiceDraftWriter(@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
            @Value("#{jobParameters['period']}") String period, InvoiceStore store, JdbcTemplate jdbc) {
        return new InvoiceDraftWriter(jobInstanceId, YearMonth.parse(period), store, jdbc);
    }

    /** The three steps of the invoice job, also used by the run job. */
    public record InvoiceSteps(Step compute, Step issue, Step writeFiles) {
    }
}
