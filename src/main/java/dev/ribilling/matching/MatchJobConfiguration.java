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
            dev.ribilling.batch.ProgressListener progress, dev.ribilling.batch.BulkStepWriteDelay writeDelay,
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
                    .listener(writeDelay).build();
        } else {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("match-");
            executor.setConcurrencyLimit(Math.max(1, threads));
            matchUsage = new StepBuilder("matchUsageStep", jobRepository)
                    .partitioner("matchCustomerStep", customerPartitioner).step(matchCustomer).taskExecutor(executor)
                    .gridSize(Math.max(1, threads)).listener(writeDelay).build();
        }
        Step writeFiles = new StepBuilder("writeUtilizationFilesStep", jobRepository).tasklet(utilizationFilesTasklet, tm)
                .build();
        return new MatchSteps(matchUsage, writeFiles, matchCustomer);
    }

    /**
     * Partitions of whole customers (every customer with usage or an active reservation in the period), at most
     * {@code billing.match.partitions} consecutive CustomerId ranges of about equal usage rows
     * ({@link CustomerBuckets}). The default, 0, means four per match thread and at least eight, so that threads or
     * remote workers stay busy to the end. A partition's context holds its first and last CustomerId and the
     * fingerprint of its customers, which is also in its name: if an import changes who is in a range between a
     * failed run and its restart, the range becomes a new partition and is matched whole, instead of resuming a
     * position in a list that no longer exists.
     */
    @Bean
    @StepScope
    public Partitioner customerPartitioner(@Value("#{jobParameters['period']}") String period,
            @Value("#{jobParameters['date']}") String date, @Value("#{jobParameters['dates']}") String dates,
            @Value("${billing.match.partitions:0}") int configuredPartitions,
            @Value("${billing.match.threads:2}") int threads, MatchStore store, ReservationRepository reservations) {
        MatchPeriod p = MatchPeriod.of(period, date, dates);
        return gridSize -> {
            int wanted = configuredPartitions > 0 ? configuredPartitions : Math.max(8, 4 * Math.max(1, threads));
            java.util.NavigableMap<String, Long> planned = customersOf(p, store, reservations);
            clearDroppedCustomers(p, planned.keySet(), store);
            List<List<String>> buckets = CustomerBuckets.of(planned, wanted);
            Map<String, ExecutionContext> partitions = new java.util.LinkedHashMap<>();
            for (int i = 0; i < buckets.size(); i++) {
                List<String> customers = buckets.get(i);
                String membership = CustomerBuckets.membership(customers);
                ExecutionContext context = new ExecutionContext();
                context.putString(FIRST_CUSTOMER, customers.get(0));
                context.putString(LAST_CUSTOMER, customers.get(customers.size() - 1));
                context.putInt(CUSTOMER_COUNT, customers.size());
                context.putString(MEMBERSHIP, membership);
                partitions.put(String.format("customers-%03d-of-%03d-%s", i + 1, buckets.size(), membership), context);
            }
            return partitions;
        };
    }

    /**
     * Re-matching a day replaces its results, also for a customer that no longer has anything to match on it (no
     * usage, no active reservation: a later file cancelled its reservation back to before the day). Such a
     * customer is not in any partition, so its old results are removed here, when the run is planned; on a
     * restart they are already gone.
     */
    static void clearDroppedCustomers(MatchPeriod p, java.util.Set<String> planned, MatchStore store) {
        java.util.Set<String> dropped = new java.util.TreeSet<>(store.customersWithResults(p.from(), p.to()));
        dropped.removeAll(planned);
        for (String customer : dropped) {
            for (java.time.LocalDate day : p.days()) {
                store.clear(customer, day);
            }
        }
    }

    static final String FIRST_CUSTOMER = "firstCustomerId";
    static final String LAST_CUSTOMER = "lastCustomerId";
    static final String CUSTOMER_COUNT = "customerCount";
    static final String MEMBERSHIP = "customerMembership";

    /** Customers with usage or an active reservation in the period, with their usage rows (the work they bring). */
    static java.util.NavigableMap<String, Long> customersOf(MatchPeriod p, MatchStore store,
            ReservationRepository reservations) {
        java.util.TreeMap<String, Long> weights = new java.util.TreeMap<>(store.usageRowsPerCustomer(p.from(), p.to()));
        for (String customer : reservations.customersActiveBetween(p.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                p.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            weights.putIfAbsent(customer, 0L);
        }
        return weights;
    }

    /**
     * The partition's customers, found again from its CustomerId range (the context stays small for any number
     * of customers) and checked against the fingerprint it was planned with.
     */
    @Bean
    @StepScope
    public CustomerDayReader customerDayReader(@Value("#{jobParameters['period']}") String period,
            @Value("#{jobParameters['date']}") String date, @Value("#{jobParameters['dates']}") String dates,
            @Value("#{stepExecution}") org.springframework.batch.core.step.StepExecution stepExecution,
            MatchStore store, ReservationRepository reservations) {
        MatchPeriod p = MatchPeriod.of(period, date, dates);
        ExecutionContext context = stepExecution.getExecutionContext();
        List<String> customers = List.copyOf(customersOf(p, store, reservations)
                .subMap(context.getString(FIRST_CUSTOMER), true, context.getString(LAST_CUSTOMER), true).keySet());
        if (!CustomerBuckets.membership(customers).equals(context.getString(MEMBERSHIP))) {
            throw new IllegalStateException("the customers of partition " + stepExecution.getStepName() + " changed "
                    + "since it was planned (" + context.getInt(CUSTOMER_COUNT) + " then, " + customers.size()
                    + " now: was usage imported meanwhile?); run the same command again to plan the partitions anew");
        }
        return new CustomerDayReader(customers, p.days());
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
