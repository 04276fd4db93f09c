package dev.ribilling.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CustomerBucketsTests {

    @Test
    void partitionsAreConsecutiveCustomerIdRangesCoveringEveryCustomerOnce() {
        Map<String, Long> weights = new TreeMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            weights.put(String.format("cust-%04d", i), (long) random.nextInt(5_000));
        }

        List<List<String>> partitions = CustomerBuckets.of(weights, 8);

        assertThat(partitions).hasSize(8);
        // Consecutive ranges: read one after the other, the partitions list every customer once, in order.
        assertThat(partitions.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(weights.keySet());
        assertThat(partitions).isEqualTo(CustomerBuckets.of(new LinkedHashMap<>(weights), 8));
    }

    @Test
    void partitionsCarryAboutTheSameNumberOfUsageRows() {
        Map<String, Long> weights = new TreeMap<>();
        Random random = new Random(11);
        long total = 0;
        for (int i = 0; i < 500; i++) {
            long rows = 24L * (1 + random.nextInt(200));
            weights.put("c" + i, rows);
            total += rows;
        }

        List<List<String>> partitions = CustomerBuckets.of(weights, 8);

        long largestCustomer = weights.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        for (List<String> partition : partitions) {
            long rows = partition.stream().mapToLong(weights::get).sum();
            // Largest-first into the lightest partition: no partition exceeds the mean by more than one customer.
            assertThat(rows).isLessThanOrEqualTo(total / 8 + largestCustomer);
        }
    }

    @Test
    void neverMorePartitionsThanCustomersAndOneHugeCustomerStaysWhole() {
        assertThat(CustomerBuckets.of(Map.of("a", 1L, "b", 2L), 8)).containsExactlyInAnyOrder(List.of("a"), List.of("b"));
        assertThat(CustomerBuckets.of(Map.of("a", 1_000_000L, "b", 1L, "c", 1L), 2))
                .containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(CustomerBuckets.of(Map.of("a", 5L, "b", 0L, "c", 0L, "d", 0L), 1))
                .containsExactly(List.of("a", "b", "c", "d"));
        assertThat(CustomerBuckets.of(Map.of(), 4)).isEmpty();
    }

    @Test
    void theMembershipFingerprintChangesWithTheCustomersAndOnlyWithThem() {
        String planned = CustomerBuckets.membership(List.of("cust-0001", "cust-0002", "cust-0007"));

        assertThat(CustomerBuckets.membership(List.of("cust-0001", "cust-0002", "cust-0007"))).isEqualTo(planned)
                .hasSize(12);
        assertThat(CustomerBuckets.membership(List.of("cust-0001", "cust-0002", "cust-0005", "cust-0007")))
                .as("a customer imported into the range").isNotEqualTo(planned);
        assertThat(CustomerBuckets.membership(List.of("cust-0001", "cust-00027"))).as("no ambiguous joining")
                .isNotEqualTo(CustomerBuckets.membership(List.of("cust-0001", "cust-0002", "7")));
    }

    @Test
    void customersWithoutUsageAreSpreadRatherThanPiledOntoOnePartition() {
        Map<String, Long> weights = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            weights.put("r" + i, 0L);
        }
        assertThat(CustomerBuckets.of(weights, 4)).allSatisfy(partition -> assertThat(partition).hasSize(10));
    }
}
