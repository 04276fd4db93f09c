package dev.ribilling.matching;

import dev.ribilling.billing.Identifiers;
import dev.ribilling.ingest.InvalidInputException;
import dev.ribilling.ingest.ReservationRepository;
import dev.ribilling.ingest.StoredReservation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The explain job (one step, {@code explainCoverageStep}): matches the customer-day again with the engine (it is
 * deterministic, so this is what the match job stored) and writes the hour-by-hour explanation of a reservation or
 * a resource to {@code <out>/explain/explain-<date>-<subject>.txt}.
 */
@Configuration
public class ExplainJobConfiguration {

    public static final String JOB_NAME = "explainJob";

    @Bean
    public Job explainJob(JobRepository jobRepository, PlatformTransactionManager tm, JdbcTemplate jdbc,
            ReservationRepository reservations, MatchStore store) {
        Tasklet explain = (contribution, chunk) -> {
            var p = contribution.getStepExecution().getJobExecution().getJobParameters();
            LocalDate date = LocalDate.parse(p.getString("date"));
            String reservationId = p.getString("reservation");
            String resource = p.getString("resource");
            List<StoredReservation> all = reservations.all();
            String customerId;
            if (reservationId != null) {
                customerId = all.stream().filter(r -> r.reservationId().equalsIgnoreCase(reservationId)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("no reservation " + reservationId)).customerId();
            } else {
                List<String> customers = jdbc.queryForList("SELECT DISTINCT customer_id FROM usage_line WHERE resource_uri = ?",
                        String.class, Identifiers.key(resource));
                if (customers.isEmpty()) {
                    throw new InvalidInputException("no usage of resource " + resource);
                }
                customerId = customers.get(0);
            }
            List<StoredReservation> ofCustomer = reservations.ofCustomer(customerId);
            DayUsage usage = store.usage(customerId, date);
            CustomerDay day = MatchReferenceData.load(jdbc).matcher().match(customerId, date, usage, ofCustomer);
            List<String> lines;
            String subject;
            if (reservationId != null) {
                StoredReservation r = ofCustomer.stream().filter(x -> x.reservationId().equalsIgnoreCase(reservationId))
                        .findFirst().orElseThrow();
                lines = ExplainReport.forReservation(r.reservationId(), CustomerDayMatcher.toEngine(r), date, day.match(),
                        usage.rows());
                subject = r.reservationId();
            } else {
                lines = ExplainReport.forResource(Identifiers.key(resource), date, day.match(), usage.rows());
                subject = resource.substring(resource.lastIndexOf('/') + 1);
            }
            Path target = Path.of(p.getString("out")).resolve("explain")
                    .resolve("explain-" + date + "-" + subject.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt");
            Files.createDirectories(target.getParent());
            Files.write(target, lines, StandardCharsets.UTF_8);
            contribution.getStepExecution().getExecutionContext().putString("explainFile", target.toString());
            return RepeatStatus.FINISHED;
        };
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(new StepBuilder("explainCoverageStep", jobRepository).tasklet(explain, tm).build()).build();
    }
}
