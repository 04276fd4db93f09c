package dev.ribilling.matching;

import dev.ribilling.ingest.ReservationRepository;
import dev.ribilling.ingest.StoredReservation;
import dev.ribilling.remote.RemoteManagerConfiguration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The match job: {@code matchUsageStep} partitions the period by customer (a customer's days are matched in
 * one partition, one day per transaction, so memory is bounded by a customer-day); then
 * {@code writeUtilizationFilesStep} writes the month's utilization CSVs from the stored results. With
 * {@code billing.remote.role=manager} the partitions run in worker processes (package {@code dev.ribilling.remote}),
 * otherwise on {@code billing.match.threads} local threads.
 */
@Configuration
public class MatchJobConfiguration {

    public static final String JOB_NAME = "matchJob";

    @Bean
    public Job matchJob(JobRepository jobRepository, MatchSteps matchSteps) {
        return new JobBuilder(JOB_NAME, jobRepository).start(matchSteps.matchUsage())
                .next(matchSteps.writeUtilizationFiles()).build();
    }

    @Bean
    public MatchSteps matchSteps(JobRepository jobRepository, PlatformTransactionManager tm, Partitioner customerPartitioner,
            CustomerDayReader customerDayReader, CustomerDayProcessor customerDayProcessor, MatchStore store,
            UtilizationFilesTasklet utilizationFilesTasklet, @Value("${billing.match.threads:2}") int threads,
            dev.ribilling.batch.ProgressListener progress,
            ObjectProvider<RemoteManagerConfiguration.RemotePartitionHandlers> remote) {
        Step matchCustomer = new StepBuilder("matchCustomerStep", jobRepository).<LocalDate, CustomerDay>chunk(1)
                .transactionManager(tm).reader(customerDayReader).processor(customerDayProcessor)
                .writer(chunk -> chunk.forEach(store::replace))
                // A lock conflict between partitions is transient: the customer-day is retried, never skipped.
                .faultTolerant().retry(org.springframework.dao.PessimisticLockingFailureException.class).retryLimit(3)
                .listener((org.springframework.batch.core.listener.StepListener) progress).build();
        RemoteManagerConfiguration.RemotePartitionHandlers remoteHandlers = remote.getIfAvailable();
        Step matchUsage;
        if (remoteHandlers != null) {
            // billing.remote.role=manager: the partitions go to worker processes over RabbitMQ.
            matchUsage = new StepBuilder("matchUsageStep", jobRepository)
                    .partitioner("matchCustomerStep", customerPartitioner).step(matchCustomer)
                    .partitionHandler(remoteHandlers.forStep("matchCustomerStep")).build();
        } else {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("match-");
            executor.setConcurrencyLimit(Math.max(1, threads));
            matchUsage = new StepBuilder("matchUsageStep", jobRepository)
                    .partitioner("matchCustomerStep", customerPartitioner).step(matchCustomer).taskExecutor(executor)
                    .gridSize(Math.max(1, threads)).build();
        }
        Step writeFiles = new StepBuilder("writeUtilizationFilesStep", jobRepository).tasklet(utilizationFilesTasklet, tm)
                .build();
        return new MatchSteps(matchUsage, writeFiles, matchCustomer);
    }

    /** One partition per customer with usage or an active reservation in the period, in CustomerId order. */
    @Bean
    @StepScope
    public Partitioner customerPartitioner(@Value("#{jobParameters['period']}") String period,
            @Value("#{jobParameters['date']}") String date, @Value("#{jobParameters['dates']}") String dates,
            MatchStore store, ReservationRepository reservations) {
        MatchPeriod p = MatchPeriod.of(period, date, dates);
        return gridSize -> {
            TreeSet<String> customers = new TreeSet<>(store.customersWithUsage(p.from(), p.to()));
            customers.addAll(reservations.customersActiveBetween(p.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    p.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
            Map<String, ExecutionContext> partitions = new java.util.LinkedHashMap<>();
            for (String customer : customers) {
                ExecutionContext context = new ExecutionContext();
                context.putString("customerId", customer);
                partitions.put("customer-" + customer, context);
            }
            return partitions;
        };
    }

    @Bean
    @StepScope
    public CustomerDayReader customerDayReader(@Value("#{jobParameters['period']}") String period,
            @Value("#{jobParameters['date']}") String date, @Value("#{jobParameters['dates']}") String dates) {
        return new CustomerDayReader(MatchPeriod.of(period, date, dates).days());
    }

    @Bean
    @StepScope
    public CustomerDayProcessor customerDayProcessor(@Value("#{stepExecutionContext['customerId']}") String customerId,
            @Value("#{stepExecution.jobExecutionId}") long jobExecutionId, MatchReferenceCache reference,
            MatchStore store, ReservationRepository reservations) {
        List<StoredReservation> ofCustomer = reservations.ofCustomer(customerId);
        return new CustomerDayProcessor(customerId, ofCustomer, reference.forJobExecution(jobExecutionId).matcher(), store);
    }

    /**
     * The two steps of the match job, also used by the run job, and the partition step (what a remote worker runs).
     */
    public record MatchSteps(Step matchUsage, Step writeUtilizationFiles, Step matchCustomer) {
    }
}
