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
        RowHash previous = null;
        for (UsageRow row : rows) {
            if (row.lineHash() == previous) {
                continue; // a resource's rows follow each other and share the parser's hash instance
            }
            previous = row.lineHash();
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
        if (optimistic && isH2()) {
            // Lines not cached are usually new in a fresh file: insert them at once under a savepoint (the unique
            // hash key refuses the attempt when one exists); after one refusal this writer looks them up first.
            List<UsageRow> all = new ArrayList<>(missing.values());
            List<Long> keys = jdbc.execute((java.sql.Connection connection) -> {
                java.sql.Savepoint savepoint = connection.setSavepoint();
                try {
                    List<Long> inserted = insert(all);
                    connection.releaseSavepoint(savepoint);
                    return inserted;
                } catch (org.springframework.dao.DuplicateKeyException exists) {
                    connection.rollback(savepoint);
                    return null;
                }
            });
            if (keys != null) {
                for (int i = 0; i < keys.size(); i++) {
                    ids.put(all.get(i).lineHash(), keys.get(i));
                    resolved.put(all.get(i).lineHash(), keys.get(i));
                }
                return resolved;
            }
            optimistic = false;
        }
        Map<RowHash, Long> stored = lookup(missing.keySet());
        List<UsageRow> toInsert = new ArrayList<>();
        for (Map.Entry<RowHash, UsageRow> e : missing.entrySet()) {
            if (!stored.containsKey(e.getKey())) {
                toInsert.add(e.getValue());
            }
        }
        if (!toInsert.isEmpty()) {
            List<Long> keys = insert(toInsert);
            if (keys != null) {
                for (int i = 0; i < keys.size(); i++) {
                    stored.put(toInsert.get(i).lineHash(), keys.get(i));
                }
            } else {
                stored.putAll(lookup(toInsert.stream().map(UsageRow::lineHash).toList()));
            }
        }
        ids.putAll(stored);
        resolved.putAll(stored);
        return resolved;
    }

    /** Forgets lines that a rolled-back transaction may have created. */
    void clear() {
        ids.clear();
        spellings.clear();
    }

    /** customer|subscription (normal form) -> how the customer's first line of that subscription wrote it. */
    private final Map<String, String> spellings = new HashMap<>();

    /**
     * The subscription_display of a new line: the spelling of the first stored line of the same customer and
     * subscription, else the row's own. One spelling per subscription, so invoice lines (grouped by subscription)
     * never split by case, and readers print the column as it is.
     */
    private String spelling(UsageRow r) {
        return spellings.computeIfAbsent(r.customerId() + "|" + r.subscriptionId(), k -> {
            List<String> stored = jdbc.queryForList("SELECT subscription_display FROM usage_line WHERE customer_id = ? "
                    + "AND subscription_id = ? AND subscription_display IS NOT NULL ORDER BY id LIMIT 1", String.class,
                    r.customerId(), r.subscriptionId());
            return stored.isEmpty() ? r.subscriptionDisplay() : stored.get(0);
        });
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

    /**
     * Inserts the lines; on H2 returns their generated ids in order. MySQL and MariaDB report the ids of a batch as
     * consecutive numbers from the first, which InnoDB guarantees only without concurrent inserts in some
     * auto-increment lock modes: there the new lines are looked up again by hash (null is returned).
     */
    private List<Long> insert(List<UsageRow> lines) {
        if (!isH2()) {
            insert(lines, null);
            return null;
        }
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        insert(lines, keys);
        List<Long> ids = new ArrayList<>(lines.size());
        for (Map<String, Object> k : keys.getKeyList()) {
            ids.add(((Number) k.values().iterator().next()).longValue());
        }
        if (ids.size() != lines.size()) {
            throw new IllegalStateException("usage_line insert returned " + ids.size() + " ids for " + lines.size());
        }
        return ids;
    }

    private Boolean h2;
    private boolean optimistic = true;

    private boolean isH2() {
        if (h2 == null) {
            h2 = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")));
        }
        return h2;
    }

    private void insert(List<UsageRow> lines, org.springframework.jdbc.support.KeyHolder keys) {
        String sql = "INSERT INTO usage_line (customer_id, subscription_id, billing_subscription_id, resource_group, "
                + "resource_uri, meter_category, consumed_service, region, vm_size, billing_currency, pricing_currency, "
                + "pricing_model, meter_name, charge_type, additional_info, line_hash_hi, line_hash_lo, vm_size_display, "
                + "subscription_display) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        Map<UsageRow, String> spelled = new java.util.IdentityHashMap<>();
        for (UsageRow r : lines) {
            spelled.put(r, spelling(r));
        }
        org.springframework.jdbc.core.ParameterizedPreparedStatementSetter<UsageRow> setter = (ps, r) -> {
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
                    ps.setString(19, spelled.get(r));
                };
        if (keys == null) {
            jdbc.batchUpdate(sql, lines, lines.size(), setter);
            return;
        }
        jdbc.batchUpdate(c -> c.prepareStatement(sql, new String[] {"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                        setter.setValues(ps, lines.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return lines.size();
                    }
                }, keys);
    }
}
