package dev.ribilling.matching;

import dev.ribilling.ingest.ReservationRepository;
import dev.ribilling.remote.RemoteManagerConfiguration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
            dev.ribilling.batch.ProgressListener progress, javax.sql.DataSource dataSource,
            ObjectProvider<RemoteManagerConfiguration.RemotePartitionHandlers> remote) {
        Step matchCustomer = new StepBuilder("matchCustomerStep", jobRepository).<CustomerDayReader.CustomerDate, CustomerDay>chunk(1)
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
                    .partitionHandler(remoteHandlers.forStep("matchCustomerStep"))
                    .listener(new dev.ribilling.batch.BulkStepWriteDelay(dataSource)).build();
        } else {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("match-");
            executor.setConcurrencyLimit(Math.max(1, threads));
            matchUsage = new StepBuilder("matchUsageStep", jobRepository)
                    .partitioner("matchCustomerStep", customerPartitioner).step(matchCustomer).taskExecutor(executor)
                    .gridSize(Math.max(1, threads)).listener(new dev.ribilling.batch.BulkStepWriteDelay(dataSource))
                    .build();
        }
        Step writeFiles = new StepBuilder("writeUtilizationFilesStep", jobRepository).tasklet(utilizationFilesTasklet, tm)
                .build();
        return new MatchSteps(matchUsage, writeFiles, matchCustomer);
    }

    /**
     * Partitions of whole customers (every customer with usage or an active reservation in the period), at most
     * {@code billing.match.partitions} of them, balanced by usage rows ({@link CustomerBuckets}). The default, 0,
     * means four per match thread and at least eight, so that threads or remote workers stay busy to the end.
     */
    @Bean
    @StepScope
    public Partitioner customerPartitioner(@Value("#{jobParameters['period']}") String period,
            @Value("#{jobParameters['date']}") String date, @Value("#{jobParameters['dates']}") String dates,
            @Value("${billing.match.partitions:0}") int configuredPartitions,
            @Value("${billing.match.threads:2}") int threads, MatchStore store, ReservationRepository reservations) {
        MatchPeriod p = MatchPeriod.of(period, date, dates);
        return gridSize -> {
            Map<String, Long> weights = new java.util.TreeMap<>(store.usageRowsPerCustomer(p.from(), p.to()));
            for (String customer : reservations.customersActiveBetween(p.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    p.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                weights.putIfAbsent(customer, 0L);
            }
            int wanted = configuredPartitions > 0 ? configuredPartitions : Math.max(8, 4 * Math.max(1, threads));
            List<List<String>> buckets = CustomerBuckets.of(weights, wanted);
            Map<String, ExecutionContext> partitions = new java.util.LinkedHashMap<>();
            for (int i = 0; i < buckets.size(); i++) {
                List<String> customers = buckets.get(i);
                ExecutionContext context = new ExecutionContext();
                context.put(CUSTOMERS, new java.util.ArrayList<>(customers));
                context.putInt("customerCount", customers.size());
                partitions.put(String.format("customers-%03d-of-%03d", i + 1, buckets.size()), context);
            }
            return partitions;
        };
    }

    /** The partition's CustomerIds (a list), in CustomerId order. */
    static final String CUSTOMERS = "customerIds";

    @Bean
    @StepScope
    public CustomerDayReader customerDayReader(@Value("#{jobParameters['period']}") String period,
            @Value("#{jobParameters['date']}") String date, @Value("#{jobParameters['dates']}") String dates,
            @Value("#{stepExecutionContext['" + CUSTOMERS + "']}") List<String> customers) {
        return new CustomerDayReader(customers, MatchPeriod.of(period, date, dates).days());
    }

    @Bean
    @StepScope
    public CustomerDayProcessor customerDayProcessor(@Value("#{stepExecution.jobExecutionId}") long jobExecutionId,
            MatchReferenceCache reference, MatchStore store, ReservationRepository reservations) {
        return new CustomerDayProcessor(reservations, reference.forJobExecution(jobExecutionId).matcher(), store);
    }

    /**
     * The two steps of the match job, also used by the run job, and the partition step (what a remote worker runs).
     */
    public record MatchSteps(Step matchUsage, Step writeUtilizationFiles, Step matchCustomer) {
    }
}
