package dev.ribilling.ingest;

import dev.ribilling.matching.Eligibility;
import dev.ribilling.matching.UsageEligibility;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contract section 3: "A daily row for a VM that also has hourly rows that day is rejected ("overlaps hourly
 * usage")". The import rejects such a daily row when the VM's hourly rows of that day are already loaded or are in
 * the same chunk, so it lands in the rejects file with its line. Only a daily row a reservation could cover is
 * rejected (the match job applies the same rule); any hourly row of the same ResourceURI counts, a licence meter
 * too. An hourly row that arrives after its VM's daily row was loaded is caught by the match job instead, which
 * leaves the daily row out of matching and billing and raises an alert.
 */
final class HourlyOverlap {

    private final JdbcTemplate jdbc;

    HourlyOverlap(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record CustomerDate(String customerId, LocalDate date) {
    }

    /** A daily row that the rule can reject: it has a resource and a reservation could cover it. */
    static boolean isCandidate(UsageRow row) {
        return !row.hourly() && row.resourceUri() != null && UsageEligibility.classify(row.meterCategory(),
                row.consumedService(), row.pricingModel(), row.meterName()) != Eligibility.NOT_ELIGIBLE;
    }

    /** The rows of {@code chunk} (by index) that are daily rows of a VM with hourly rows the same day. */
    Set<Integer> overlapping(List<UsageRow> chunk) {
        List<Integer> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (isCandidate(chunk.get(i))) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return Set.of(); // an hourly file: nothing to look up, nothing to hash
        }
        Map<CustomerDate, Set<String>> hourly = new HashMap<>();
        for (UsageRow row : chunk) {
            if (row.hourly() && row.resourceUri() != null) {
                hourly.computeIfAbsent(new CustomerDate(row.customerId(), row.usageDate()), k -> new HashSet<>())
                        .add(row.resourceUri());
            }
        }
        // The loaded hourly resources are read once per customer-day.
        Map<CustomerDate, Set<String>> stored = new HashMap<>();
        Set<Integer> overlapping = new HashSet<>();
        for (int i : candidates) {
            UsageRow row = chunk.get(i);
            CustomerDate day = new CustomerDate(row.customerId(), row.usageDate());
            if (hourly.getOrDefault(day, Set.of()).contains(row.resourceUri())
                    || stored.computeIfAbsent(day, this::hourlyResources).contains(row.resourceUri())) {
                overlapping.add(i);
            }
        }
        return overlapping;
    }

    /** The resources (normalised ResourceURI) with hourly rows loaded on the customer's day. */
    private Set<String> hourlyResources(CustomerDate day) {
        Set<String> resources = new HashSet<>();
        jdbc.query("SELECT l.resource_uri, p.entries FROM usage_pack p JOIN usage_line l ON l.id = p.line_id "
                + "WHERE p.customer_id = ? AND p.usage_date = ? AND l.resource_uri IS NOT NULL", rs -> {
                    String resource = rs.getString(1);
                    if (!resources.contains(resource) && hasHourlyEntry(rs.getString(2))) {
                        resources.add(resource);
                    }
                }, day.customerId(), day.date());
        return resources;
    }

    private static boolean hasHourlyEntry(String entries) {
        for (UsageEntries.Entry entry : UsageEntries.decode(entries)) {
            if (entry.slotHours() == 1) {
                return true;
            }
        }
        return false;
    }
}
