package dev.ribilling.matching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits the customers of a match run, in CustomerId order, into a bounded number of consecutive ranges of about
 * equal work (usage rows), so that a day of thousands of small customers does not pay one partition's set-up per
 * customer, while every customer lies wholly in one partition. A range is remembered by its first and last
 * CustomerId, never by its member list, so a partition's saved state stays small however many customers it holds;
 * its {@link #membership} fingerprint names it, so a partition whose customers changed is a new partition.
 * Deterministic: the same customers and weights always give the same ranges.
 */
public final class CustomerBuckets {

    private CustomerBuckets() {
    }

    /**
     * @param weights    usage rows per customer in the period (a customer with only reservations weighs 0; every
     *                   customer counts at least 1, its reservations and pricing are never free)
     * @param partitions the most partitions wanted (at least 1)
     * @return non-empty consecutive ranges of CustomerIds, in CustomerId order
     */
    public static List<List<String>> of(Map<String, Long> weights, int partitions) {
        List<String> ids = new ArrayList<>(new TreeMap<>(weights).keySet());
        int n = ids.size();
        List<List<String>> result = new ArrayList<>();
        if (n == 0) {
            return result;
        }
        long[] work = new long[n];
        long remaining = 0;
        for (int i = 0; i < n; i++) {
            work[i] = Math.max(1, weights.get(ids.get(i)));
            remaining += work[i];
        }
        int count = Math.max(1, Math.min(partitions, n));
        int start = 0;
        for (int bucket = 0; bucket < count; bucket++) {
            int bucketsLeft = count - bucket;
            int end = start + 1;
            long sum = work[start];
            if (bucketsLeft == 1) {
                end = n;
            } else {
                // Aim at an equal share of what is left; take the next customer while that brings the sum closer
                // to it, and always leave one customer for every bucket still to fill.
                double target = (double) remaining / bucketsLeft;
                while (end < n && n - end > bucketsLeft - 1 && sum + work[end] / 2.0 <= target) {
                    sum += work[end];
                    end++;
                }
            }
            result.add(List.copyOf(ids.subList(start, end)));
            remaining -= sum;
            start = end;
        }
        return result;
    }

    /** A short fingerprint of a partition's customers: equal lists, equal fingerprints. */
    public static String membership(List<String> customers) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String customer : customers) {
                digest.update(customer.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
