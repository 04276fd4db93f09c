package dev.ribilling.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds or creates the usage_line of each row (the descriptive columns that a resource's rows share), one query
 * per chunk at most, with a bounded cache so that a month of rows never sits in memory: a fleet has tens of
 * thousands of lines, not millions.
 */
class UsageLineCache {

    private static final int MAX_CACHED = 200_000;
    private static final int QUERY_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final Map<RowHash, Long> ids = new LinkedHashMap<>(1 << 16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RowHash, Long> eldest) {
            return size() > MAX_CACHED;
        }
    };

    UsageLineCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The line id of every row, creating the lines not stored yet (inside the caller's transaction). */
    Map<RowHash, Long> resolve(List<UsageRow> rows) {
        Map<RowHash, Long> resolved = new HashMap<>();
        Map<RowHash, UsageRow> missing = new LinkedHashMap<>();
        for (UsageRow row : rows) {
            Long id = ids.get(row.lineHash());
            if (id != null) {
                resolved.put(row.lineHash(), id);
            } else {
                missing.putIfAbsent(row.lineHash(), row);
            }
        }
        if (missing.isEmpty()) {
            return resolved;
        }
        Map<RowHash, Long> stored = lookup(missing.keySet());
        List<UsageRow> toInsert = new ArrayList<>();
        for (Map.Entry<RowHash, UsageRow> e : missing.entrySet()) {
            if (!stored.containsKey(e.getKey())) {
                toInsert.add(e.getValue());
            }
        }
        if (!toInsert.isEmpty()) {
            insert(toInsert);
            stored.putAll(lookup(toInsert.stream().map(UsageRow::lineHash).toList()));
        }
        ids.putAll(stored);
        resolved.putAll(stored);
        return resolved;
    }

    /** Forgets lines that a rolled-back transaction may have created. */
    void clear() {
        ids.clear();
    }

    private Map<RowHash, Long> lookup(java.util.Collection<RowHash> hashes) {
        Map<RowHash, Long> found = new HashMap<>();
        List<RowHash> all = new ArrayList<>(hashes);
        for (int from = 0; from < all.size(); from += QUERY_BATCH) {
            List<RowHash> batch = all.subList(from, Math.min(all.size(), from + QUERY_BATCH));
            StringBuilder sql = new StringBuilder("SELECT line_hash_hi, line_hash_lo, id FROM usage_line WHERE line_hash_hi IN (");
            Object[] args = new Object[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
                args[i] = batch.get(i).hi();
            }
            sql.append(')');
            java.util.Set<RowHash> wanted = new java.util.HashSet<>(batch);
            jdbc.query(sql.toString(), rs -> {
                RowHash h = new RowHash(rs.getLong(1), rs.getLong(2));
                if (wanted.contains(h)) {
                    found.put(h, rs.getLong(3));
                }
            }, args);
        }
        return found;
    }

    private void insert(List<UsageRow> lines) {
        jdbc.batchUpdate("INSERT INTO usage_line (customer_id, subscription_id, billing_subscription_id, resource_group, "
                + "resource_uri, meter_category, consumed_service, region, vm_size, billing_currency, pricing_currency, "
                + "pricing_model, meter_name, charge_type, additional_info, line_hash_hi, line_hash_lo, vm_size_display) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", lines, lines.size(), (ps, r) -> {
                    ps.setString(1, r.customerId());
                    ps.setString(2, r.subscriptionId());
                    ps.setString(3, r.billingSubscriptionId());
                    ps.setString(4, r.resourceGroup());
                    ps.setString(5, r.resourceUri());
                    ps.setString(6, r.meterCategory());
                    ps.setString(7, r.consumedService());
                    ps.setString(8, r.region());
                    ps.setString(9, r.vmSize());
                    ps.setString(10, r.billingCurrency().getCurrencyCode());
                    ps.setString(11, r.pricingCurrency().getCurrencyCode());
                    ps.setString(12, r.pricingModel());
                    ps.setString(13, r.meterName());
                    ps.setString(14, r.chargeType());
                    ps.setString(15, r.additionalInfo());
                    ps.setLong(16, r.lineHash().hi());
                    ps.setLong(17, r.lineHash().lo());
                    ps.setString(18, r.vmSizeDisplay());
                });
    }
}
