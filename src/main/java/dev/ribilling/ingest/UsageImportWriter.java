package dev.ribilling.ingest;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads a chunk of usage rows with batched inserts. A row whose columns all equal those of a row already loaded
 * (earlier in this file, in this chunk or in an earlier file) is a duplicate: found through the 128-bit row hash
 * and its unique index, so no month of rows is ever held in memory. A row found again at the same line of the
 * same file (an identical file imported again) is counted as a duplicate without a new rejects entry.
 */
public class UsageImportWriter implements ItemWriter<ParsedItem<UsageRow>> {

    private static final int LOOKUP_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final ImportStore store;
    private final long jobInstanceId;
    private final Set<String> knownCustomers;

    public UsageImportWriter(JdbcTemplate jdbc, ImportStore store, long jobInstanceId) {
        this.jdbc = jdbc;
        this.store = store;
        this.jobInstanceId = jobInstanceId;
        this.knownCustomers = new HashSet<>(jdbc.queryForList("SELECT customer_id FROM customer", String.class));
    }

    private record Origin(long fileId, long line) {
    }

    @Override
    public void write(Chunk<? extends ParsedItem<UsageRow>> chunk) {
        Map<Long, ImportStore.FileCounts> counts = new LinkedHashMap<>();
        List<ImportStore.Rejection> rejections = new ArrayList<>();
        Map<RowHash, ParsedItem<UsageRow>> candidates = new LinkedHashMap<>();
        for (ParsedItem<UsageRow> parsed : chunk) {
            ImportStore.FileCounts c = counts.computeIfAbsent(parsed.item().fileId(), id -> new ImportStore.FileCounts());
            c.read++;
            if (parsed.isSkipped()) {
                c.skipped++;
            } else if (parsed.isRejected()) {
                c.rejected++;
                rejections.add(new ImportStore.Rejection(parsed.item().fileId(), parsed.item().record(),
                        parsed.rejectReason(), parsed.message()));
            } else if (!knownCustomers.contains(parsed.value().customerId())) {
                c.rejected++;
                rejections.add(new ImportStore.Rejection(parsed.item().fileId(), parsed.item().record(),
                        RejectReason.UNKNOWN_CUSTOMER, "CustomerId '" + parsed.value().customerId()
                                + "' is not a known customer (load it in a customers file first)"));
            } else {
                ParsedItem<UsageRow> first = candidates.putIfAbsent(parsed.value().hash(), parsed);
                if (first != null) {
                    c.duplicate++;
                    rejections.add(duplicate(parsed, first.item().fileId(), first.item().record().lineNumber()));
                }
            }
        }
        Map<RowHash, Origin> existing = existing(candidates.keySet());
        List<UsageRow> inserts = new ArrayList<>(candidates.size());
        List<ParsedItem<UsageRow>> inserted = new ArrayList<>(candidates.size());
        for (ParsedItem<UsageRow> parsed : candidates.values()) {
            ImportStore.FileCounts c = counts.get(parsed.item().fileId());
            Origin origin = existing.get(parsed.value().hash());
            if (origin == null) {
                c.loaded++;
                inserts.add(parsed.value());
                inserted.add(parsed);
            } else {
                c.duplicate++;
                boolean sameLineOfSameFile = origin.fileId() == parsed.item().fileId()
                        && origin.line() == parsed.item().record().lineNumber();
                if (!sameLineOfSameFile) {
                    rejections.add(duplicate(parsed, origin.fileId(), origin.line()));
                }
            }
        }
        insert(inserted);
        store.rejectAll(jobInstanceId, rejections);
        counts.forEach((fileId, c) -> store.addStats(jobInstanceId, fileId, c));
    }

    private ImportStore.Rejection duplicate(ParsedItem<UsageRow> parsed, long firstFileId, long firstLine) {
        String where = firstFileId == parsed.item().fileId() ? "line " + firstLine + " of this file"
                : "line " + firstLine + " of " + fileName(firstFileId);
        return new ImportStore.Rejection(parsed.item().fileId(), parsed.item().record(), RejectReason.DUPLICATE,
                "duplicate: every column equals the usage row already loaded from " + where);
    }

    private final Map<Long, String> fileNames = new HashMap<>();

    private String fileName(long fileId) {
        return fileNames.computeIfAbsent(fileId, id -> jdbc.queryForObject(
                "SELECT file_name FROM input_file WHERE id = ?", String.class, id));
    }

    private Map<RowHash, Origin> existing(Set<RowHash> hashes) {
        Map<RowHash, Origin> found = new HashMap<>();
        List<RowHash> all = new ArrayList<>(hashes);
        for (int from = 0; from < all.size(); from += LOOKUP_BATCH) {
            List<RowHash> batch = all.subList(from, Math.min(all.size(), from + LOOKUP_BATCH));
            StringBuilder sql = new StringBuilder(
                    "SELECT row_hash_hi, row_hash_lo, file_id, line_number FROM usage_row WHERE row_hash_hi IN (");
            Object[] args = new Object[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
                args[i] = batch.get(i).hi();
            }
            sql.append(')');
            jdbc.query(sql.toString(), rs -> {
                RowHash h = new RowHash(rs.getLong(1), rs.getLong(2));
                if (hashes.contains(h)) {
                    found.put(h, new Origin(rs.getLong(3), rs.getLong(4)));
                }
            }, args);
        }
        return found;
    }

    private void insert(List<ParsedItem<UsageRow>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO usage_row (customer_id, usage_date, slot_start, slot_hours, subscription_id, "
                + "billing_subscription_id, resource_group, resource_uri, meter_category, consumed_service, region, vm_size, "
                + "quantity, unit_price, billing_currency, pricing_currency, pricing_model, meter_name, charge_type, "
                + "row_hash_hi, row_hash_lo, file_id, line_number) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows, rows.size(), (ps, parsed) -> {
                    UsageRow r = parsed.value();
                    ps.setString(1, r.customerId());
                    ps.setObject(2, r.usageDate());
                    ps.setTimestamp(3, Timestamp.from(r.slotStart()));
                    ps.setInt(4, r.slotHours());
                    ps.setString(5, r.subscriptionId());
                    ps.setString(6, r.billingSubscriptionId());
                    ps.setString(7, r.resourceGroup());
                    ps.setString(8, r.resourceUri());
                    ps.setString(9, r.meterCategory());
                    ps.setString(10, r.consumedService());
                    ps.setString(11, r.region());
                    ps.setString(12, r.vmSize());
                    ps.setBigDecimal(13, r.quantity());
                    ps.setBigDecimal(14, r.unitPrice());
                    ps.setString(15, r.billingCurrency().getCurrencyCode());
                    ps.setString(16, r.pricingCurrency().getCurrencyCode());
                    ps.setString(17, r.pricingModel());
                    ps.setString(18, r.meterName());
                    ps.setString(19, r.chargeType());
                    ps.setLong(20, r.hash().hi());
                    ps.setLong(21, r.hash().lo());
                    ps.setLong(22, parsed.item().fileId());
                    ps.setLong(23, parsed.item().record().lineNumber());
                });
    }
}
