package dev.ribilling.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.generate.GeneratorSpec;
import dev.ribilling.generate.PartnerGenerator;
import dev.ribilling.generate.UsageGranularity;
import dev.ribilling.testing.CliHarness;
import dev.ribilling.testing.H2Database;
import dev.ribilling.testing.JobScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The results of a match run do not depend on how its customers are grouped into partitions: one partition, the
 * default grouping (eight) and one partition per customer, run on the match threads, store the same rows and write
 * the same files. The partition count is read when the step starts, so a system property changes it between runs
 * in the same context.
 */
@SpringBootTest(properties = H2Database.URL)
class MatchPartitioningTests extends JobScenario {

    private static final String PARTITIONS = "billing.match.partitions";

    @AfterEach
    void clearOverrides() {
        System.clearProperty(PARTITIONS);
    }

    @Test
    void resultsAreTheSameWhateverThePartitionsAndThreads() throws Exception {
        Path input = out.resolve("in");
        new PartnerGenerator().generate(GeneratorSpec.days(5, 12, 120, LocalDate.of(2026, 10, 3), 3,
                UsageGranularity.HOURLY, input));
        assertThat(cli.run(out.resolve("import"), "import", "--input", input.toString()).exitCode()).isZero();

        Map<String, List<String>> reference = null;
        byte[] referenceCsv = null;
        for (int setting : new int[] {1, 0, 12}) {
            System.setProperty(PARTITIONS, Integer.toString(setting));
            clearResults();
            Path runOut = out.resolve("match-" + setting);
            CliHarness.Result run = cli.run(runOut, "match", "--period", "2026-10");
            assertThat(run.exitCode()).as(run.err()).isZero();

            int partitions = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE "
                    + "'matchCustomerStep:%' AND JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM "
                    + "BATCH_JOB_EXECUTION)", Integer.class);
            assertThat(partitions).as("partitions with setting %s", setting).isEqualTo(setting == 0 ? 8 : setting);
            Map<String, List<String>> results = results();
            byte[] csv = Files.readAllBytes(runOut.resolve("2026-10/utilization-daily-2026-10.csv"));
            if (reference == null) {
                assertThat(results.get("usage_coverage")).as("a partner with usage").hasSizeGreaterThan(100);
                assertThat(results.get("usage_allocation")).as("and covered usage").isNotEmpty();
                reference = results;
                referenceCsv = csv;
            } else {
                assertThat(results).isEqualTo(reference);
                assertThat(csv).isEqualTo(referenceCsv);
            }
        }
    }

    @Autowired
    MatchStore store;

    @Autowired
    dev.ribilling.ingest.ReservationRepository reservations;

    @Test
    void aPartitionWhoseCustomersChangedSincePlanningRefusesToResumeAndANewPlanNamesItAnew() throws Exception {
        Path input = out.resolve("in");
        new PartnerGenerator().generate(GeneratorSpec.days(5, 12, 120, LocalDate.of(2026, 10, 3), 1,
                UsageGranularity.HOURLY, input));
        assertThat(cli.run(out.resolve("import"), "import", "--input", input.toString()).exitCode()).isZero();
        MatchPeriod period = MatchPeriod.of("2026-10", "2026-10-03");
        java.util.NavigableMap<String, Long> planned = MatchJobConfiguration.customersOf(period, store, reservations);
        List<List<String>> buckets = CustomerBuckets.of(planned, 3);
        List<String> first = buckets.get(0);
        org.springframework.batch.core.step.StepExecution partition = new org.springframework.batch.core.step.StepExecution(
                "matchCustomerStep:customers-001-of-003-" + CustomerBuckets.membership(first),
                new org.springframework.batch.core.job.JobExecution(1L,
                        new org.springframework.batch.core.job.JobInstance(1L, "matchJob"),
                        new org.springframework.batch.core.job.parameters.JobParameters()));
        partition.getExecutionContext().putString(MatchJobConfiguration.FIRST_CUSTOMER, first.get(0));
        partition.getExecutionContext().putString(MatchJobConfiguration.LAST_CUSTOMER, first.get(first.size() - 1));
        partition.getExecutionContext().putInt(MatchJobConfiguration.CUSTOMER_COUNT, first.size());
        partition.getExecutionContext().putString(MatchJobConfiguration.MEMBERSHIP, CustomerBuckets.membership(first));
        MatchJobConfiguration configuration = new MatchJobConfiguration();

        // As planned: the reader finds the range's customers again.
        CustomerDayReader reader = configuration.customerDayReader("2026-10", "2026-10-03", null, partition, store,
                reservations);
        reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        assertThat(reader.read().customerId()).isEqualTo(first.get(0));

        // A customer with usage inside the range appears (an import between a failed run and its restart).
        String newcomer = first.get(0) + "-late";
        assertThat(newcomer.compareTo(first.get(first.size() - 1))).as("inside the range").isLessThan(0);
        jdbc.update("INSERT INTO usage_customer_day (customer_id, usage_date, row_count) VALUES (?, ?, 24)", newcomer,
                LocalDate.of(2026, 10, 3));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> configuration.customerDayReader("2026-10",
                "2026-10-03", null, partition, store, reservations)).hasMessageContaining("changed since it was planned");
        List<List<String>> replanned = CustomerBuckets.of(MatchJobConfiguration.customersOf(period, store,
                reservations), 3);
        assertThat(replanned.get(0)).contains(newcomer);
        assertThat(CustomerBuckets.membership(replanned.get(0))).as("so the restart runs it as a new partition")
                .isNotEqualTo(CustomerBuckets.membership(first));
    }

    private void clearResults() {
        for (String table : List.of("usage_allocation", "usage_coverage", "reservation_day", "billing_alert")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    private Map<String, List<String>> results() {
        Map<String, List<String>> results = new LinkedHashMap<>();
        results.put("usage_coverage", rows("SELECT customer_id, usage_date, line_id, unit_price, outcome, row_count, "
                + "quantity, demand_units, covered_units, covered_hours, uncovered_hours FROM usage_coverage "
                + "ORDER BY customer_id, usage_date, line_id, unit_price, outcome"));
        results.put("usage_allocation", rows("SELECT customer_id, usage_date, line_id, reservation_id, covered_units, "
                + "covered_hours FROM usage_allocation ORDER BY customer_id, usage_date, line_id, reservation_id"));
        results.put("reservation_day", rows("SELECT reservation_id, usage_date, customer_id, capacity_units, used_units, "
                + "amortized_cost, payg_equivalent, savings, currency FROM reservation_day ORDER BY reservation_id, usage_date"));
        results.put("billing_alert", rows("SELECT source, customer_id, alert_date, kind, subject, message FROM billing_alert "
                + "ORDER BY customer_id, alert_date, kind, subject, message"));
        return results;
    }

    private List<String> rows(String sql) {
        return jdbc.query(sql, (rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            return row.toString();
        });
    }
}
