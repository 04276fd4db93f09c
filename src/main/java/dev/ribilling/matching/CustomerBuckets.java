package dev.ribilling.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups the customers of a match run into a bounded number of partitions of about equal work (usage rows), so
 * that a day of thousands of small customers does not pay one partition's set-up per customer, while every
 * customer still lies wholly in one partition. Deterministic: the same customers and weights always give the same
 * partitions (largest customer first into the lightest partition, ties by CustomerId and partition number), and
 * a partition lists its customers in CustomerId order.
 */
public final class CustomerBuckets {

    private CustomerBuckets() {
    }

    /**
     * @param weights    usage rows per customer in the period (a customer with only reservations weighs 0)
     * @param partitions the most partitions wanted (at least 1)
     * @return non-empty partitions, each a list of CustomerIds in CustomerId order; partitions ordered by their
     *         first CustomerId
     */
    public static List<List<String>> of(Map<String, Long> weights, int partitions) {
        int count = Math.max(1, Math.min(partitions, weights.size()));
        List<Map.Entry<String, Long>> heaviestFirst = new ArrayList<>(weights.entrySet());
        heaviestFirst.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        long[] load = new long[count];
        List<TreeSet<String>> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new TreeSet<>());
        }
        for (Map.Entry<String, Long> customer : heaviestFirst) {
            int lightest = 0;
            for (int i = 1; i < count; i++) {
                // Ties go to the partition with fewer customers, so customers without usage spread too.
                if (load[i] < load[lightest]
                        || (load[i] == load[lightest] && buckets.get(i).size() < buckets.get(lightest).size())) {
                    lightest = i;
                }
            }
            // Every customer adds at least 1: the per-customer work (reservations, pricing) is never free.
            load[lightest] += Math.max(1, customer.getValue());
            buckets.get(lightest).add(customer.getKey());
        }
        List<List<String>> result = new ArrayList<>();
        for (TreeSet<String> bucket : buckets) {
            if (!bucket.isEmpty()) {
                result.add(List.copyOf(bucket));
            }
        }
        result.sort(Comparator.comparing(bucket -> bucket.get(0)));
        return result;
    }
}
