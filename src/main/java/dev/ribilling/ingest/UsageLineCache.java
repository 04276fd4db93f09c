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
        Map<UsageRow, String> spelled = new java.util.IdentityHashMap<>();
        for (UsageRow r : missing.values()) {
            spelled.put(r, spelling(r));
        }
        if (optimistic && isH2()) {
            // Lines not cached are usually new in a fresh file: insert them at once under a savepoint (the unique
            // hash key refuses the attempt when one exists); after one refusal this writer looks them up first.
            List<UsageRow> all = new ArrayList<>(missing.values());
            List<Long> keys = jdbc.execute((java.sql.Connection connection) -> {
                java.sql.Savepoint savepoint = connection.setSavepoint();
                try {
                    List<Long> inserted = insert(all, spelled);
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
            List<Long> keys = insert(toInsert, spelled);
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

    /** customer|subscription (normal form) -> the spelling its lines are given (see {@link #spelling}). */
    private final Map<String, String> spellings = new HashMap<>();

    /**
     * The subscription_display of a new line: the spelling of the first line stored for the same customer and
     * subscription (kept in usage_subscription), else the row's own, which becomes that spelling. One spelling per
     * subscription, so invoice lines (grouped by subscription) never split by case, and readers print the column as
     * it is. Called before any savepoint of {@link #resolve}: a spelling recorded here stays recorded in the chunk's
     * transaction, as this cache remembers it.
     */
    private String spelling(UsageRow r) {
        return spellings.computeIfAbsent(r.customerId() + "|" + r.subscriptionId(), k -> {
            List<String> stored = jdbc.queryForList("SELECT subscription_display FROM usage_subscription "
                    + "WHERE customer_id = ? AND subscription_id = ?", String.class, r.customerId(), r.subscriptionId());
            if (!stored.isEmpty()) {
                return stored.get(0);
            }
            if (r.subscriptionDisplay() != null) {
                jdbc.update("INSERT INTO usage_subscription (customer_id, subscription_id, subscription_display) "
                        + "VALUES (?,?,?)", r.customerId(), r.subscriptionId(), r.subscriptionDisplay());
            }
            return r.subscriptionDisplay();
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
    private List<Long> insert(List<UsageRow> lines, Map<UsageRow, String> spelled) {
        if (!isH2()) {
            insert(lines, spelled, null);
            return null;
        }
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        insert(lines, spelled, keys);
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
            h2 = dev.ribilling.storage.DatabaseProduct.isH2(jdbc);
        }
        return h2;
    }

    private static final String INSERT_COLUMNS = "INSERT INTO usage_line (customer_id, subscription_id, "
            + "billing_subscription_id, resource_group, resource_uri, meter_category, consumed_service, region, vm_size, "
            + "billing_currency, pricing_currency, pricing_model, meter_name, charge_type, additional_info, line_hash_hi, "
            + "line_hash_lo, vm_size_display, subscription_display) VALUES ";
    private static final String ONE_ROW = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final int COLUMNS = 19;

    private void setValues(java.sql.PreparedStatement ps, int offset, UsageRow r, String spelling)
            throws java.sql.SQLException {
        ps.setString(offset + 1, r.customerId());
        ps.setString(offset + 2, r.subscriptionId());
        ps.setString(offset + 3, r.billingSubscriptionId());
        ps.setString(offset + 4, r.resourceGroup());
        ps.setString(offset + 5, r.resourceUri());
        ps.setString(offset + 6, r.meterCategory());
        ps.setString(offset + 7, r.consumedService());
        ps.setString(offset + 8, r.region());
        ps.setString(offset + 9, r.vmSize());
        ps.setString(offset + 10, r.billingCurrency().getCurrencyCode());
        ps.setString(offset + 11, r.pricingCurrency().getCurrencyCode());
        ps.setString(offset + 12, r.pricingModel());
        ps.setString(offset + 13, r.meterName());
        ps.setString(offset + 14, r.chargeType());
        ps.setString(offset + 15, r.additionalInfo());
        ps.setLong(offset + 16, r.lineHash().hi());
        ps.setLong(offset + 17, r.lineHash().lo());
        ps.setString(offset + 18, r.vmSizeDisplay());
        ps.setString(offset + 19, spelling);
    }

    private void insert(List<UsageRow> lines, Map<UsageRow, String> spelled,
            org.springframework.jdbc.support.KeyHolder keys) {
        if (keys == null) {
            jdbc.batchUpdate(INSERT_COLUMNS + ONE_ROW, lines, lines.size(),
                    (ps, r) -> setValues(ps, 0, r, spelled.get(r)));
            return;
        }
        // H2 (see MultiRowInsert): one INSERT of many rows returns the keys of all of them, in the order of its rows.
        int from = 0;
        while (from < lines.size()) {
            int size = MultiRowInsert.nextGroup(lines.size() - from);
            List<UsageRow> group = lines.subList(from, from + size);
            String sql = MultiRowInsert.sql(INSERT_COLUMNS, ONE_ROW, size);
            jdbc.execute((java.sql.Connection c) -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
                    for (int i = 0; i < group.size(); i++) {
                        setValues(ps, i * COLUMNS, group.get(i), spelled.get(group.get(i)));
                    }
                    ps.executeUpdate();
                    try (java.sql.ResultSet rs = ps.getGeneratedKeys()) {
                        while (rs.next()) {
                            keys.getKeyList().add(Map.of("id", rs.getLong(1)));
                        }
                    }
                }
                return null;
            });
            from += size;
        }
    }
}
