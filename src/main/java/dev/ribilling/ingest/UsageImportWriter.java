package dev.ribilling.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads a chunk of usage rows with batched inserts. A row whose columns all equal those of a row already loaded
 * (earlier in this file, in this chunk or in an earlier file) is a duplicate: found through the 128-bit row hash
 * and its unique index, so no month of rows is ever held in memory. A row found again at the same line of the
 * same file (an identical file imported again) is counted as a duplicate without a new rejects entry.
 *
 * <p>Duplicates across chunks are rare in fresh data, so a chunk is first inserted optimistically: the unique
 * index refuses it only when it repeats a stored row. Then the chunk goes back to a savepoint and takes the
 * careful path, which looks up every hash first.
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
        this.lines = new UsageLineCache(jdbc);
        this.overlap = new HourlyOverlap(jdbc);
    }

    private final HourlyOverlap overlap;

    private record Origin(long fileId, long line) {
    }

    /** Everything that makes two usage rows equal: the line (all descriptive columns), slot, quantity and price. */
    private record RowKey(RowHash line, java.time.Instant slotStart, int slotHours, java.math.BigDecimal quantity,
            java.math.BigDecimal unitPrice) {
        static RowKey of(UsageRow r) {
            return new RowKey(r.lineHash(), r.slotStart(), r.slotHours(), r.quantity().stripTrailingZeros(),
                    r.unitPrice().stripTrailingZeros());
        }
    }

    private final UsageLineCache lines;

    private record CustomerDate(String customerId, java.time.LocalDate date) {
    }

    @Override
    public void write(Chunk<? extends ParsedItem<UsageRow>> chunk) {
        Map<Long, ImportStore.FileCounts> counts = new LinkedHashMap<>();
        List<ImportStore.Rejection> rejections = new ArrayList<>();
        Map<RowKey, ParsedItem<UsageRow>> candidates = new LinkedHashMap<>();
        List<ParsedItem<UsageRow>> usable = new ArrayList<>(chunk.size());
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
                usable.add(parsed);
            }
        }
        java.util.Set<Integer> overlapping = overlap.overlapping(usable.stream().map(ParsedItem::value).toList());
        for (int i = 0; i < usable.size(); i++) {
            ParsedItem<UsageRow> parsed = usable.get(i);
            ImportStore.FileCounts c = counts.get(parsed.item().fileId());
            if (overlapping.contains(i)) {
                c.rejected++;
                rejections.add(new ImportStore.Rejection(parsed.item().fileId(), parsed.item().record(),
                        RejectReason.OVERLAPS_HOURLY_USAGE, "daily row for " + parsed.value().resourceUri() + " on "
                                + parsed.value().usageDate() + ", which has hourly rows that day (contract section 3)"));
                continue;
            }
            ParsedItem<UsageRow> first = candidates.putIfAbsent(RowKey.of(parsed.value()), parsed);
            if (first != null) {
                c.duplicate++;
                rejections.add(duplicate(parsed, first.item().fileId(), first.item().record().lineNumber()));
            }
        }
        Map<RowHash, Long> lineIds = lines.resolve(candidates.values().stream().map(ParsedItem::value).toList());
        Map<RowKey, Origin> existing = optimisticInsert(candidates.values(), lineIds) ? null
                : existing(candidates, lineIds);
        if (existing == null) {
            for (ParsedItem<UsageRow> parsed : candidates.values()) {
                counts.get(parsed.item().fileId()).loaded++;
            }
            store.rejectAll(jobInstanceId, rejections);
            counts.forEach((fileId, c) -> store.addStats(jobInstanceId, fileId, c));
            return;
        }
        List<UsageRow> inserts = new ArrayList<>(candidates.size());
        List<ParsedItem<UsageRow>> inserted = new ArrayList<>(candidates.size());
        for (ParsedItem<UsageRow> parsed : candidates.values()) {
            ImportStore.FileCounts c = counts.get(parsed.item().fileId());
            Origin origin = existing.get(RowKey.of(parsed.value()));
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
        insert(inserted, lineIds);
        store.rejectAll(jobInstanceId, rejections);
        counts.forEach((fileId, c) -> store.addStats(jobInstanceId, fileId, c));
    }

    /** Inserts the whole chunk if no row repeats a stored one; otherwise undoes the attempt and returns false. */
    private boolean optimisticInsert(java.util.Collection<ParsedItem<UsageRow>> rows, Map<RowHash, Long> lineIds) {
        if (rows.isEmpty()) {
            return true;
        }
        // The chunk transaction's own connection: a savepoint on it undoes just this attempt.
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection connection) -> {
            java.sql.Savepoint savepoint = connection.setSavepoint();
            try {
                insert(new ArrayList<>(rows), lineIds);
                connection.releaseSavepoint(savepoint);
                return true;
            } catch (DuplicateKeyException repeated) {
                connection.rollback(savepoint);
                return false;
            }
        }));
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

    /**
     * The stored rows among the candidates, looked up per customer and usage date through the unique key's
     * leading columns (customer_id, usage_date, line_id).
     */
    private Map<RowKey, Origin> existing(Map<RowKey, ParsedItem<UsageRow>> candidates, Map<RowHash, Long> lineIds) {
        Map<Long, RowHash> hashOfLine = new HashMap<>();
        lineIds.forEach((hash, id) -> hashOfLine.put(id, hash));
        Map<String, java.util.Set<Long>> linesByCustomerDay = new LinkedHashMap<>();
        Map<String, UsageRow> sample = new HashMap<>();
        for (ParsedItem<UsageRow> parsed : candidates.values()) {
            UsageRow r = parsed.value();
            String day = r.customerId() + "|" + r.usageDate();
            linesByCustomerDay.computeIfAbsent(day, d -> new java.util.TreeSet<>()).add(lineIds.get(r.lineHash()));
            sample.putIfAbsent(day, r);
        }
        Map<RowKey, Origin> found = new HashMap<>();
        for (Map.Entry<String, java.util.Set<Long>> e : linesByCustomerDay.entrySet()) {
            UsageRow r = sample.get(e.getKey());
            List<Long> ids = new ArrayList<>(e.getValue());
            for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
                List<Object> args = new ArrayList<>(batch.size() + 2);
                args.add(r.customerId());
                args.add(r.usageDate());
                args.addAll(batch);
                jdbc.query("SELECT line_id, slot_start, slot_hours, quantity, unit_price, file_id, line_number FROM usage_row "
                        + "WHERE customer_id = ? AND usage_date = ? AND line_id IN ("
                        + String.join(",", java.util.Collections.nCopies(batch.size(), "?")) + ")", rs -> {
                            RowKey key = new RowKey(hashOfLine.get(rs.getLong(1)), rs.getTimestamp(2).toInstant(),
                                    rs.getInt(3), rs.getBigDecimal(4).stripTrailingZeros(),
                                    rs.getBigDecimal(5).stripTrailingZeros());
                            if (candidates.containsKey(key)) {
                                found.put(key, new Origin(rs.getLong(6), rs.getLong(7)));
                            }
                        }, args.toArray());
            }
        }
        return found;
    }

    private void insert(List<ParsedItem<UsageRow>> rows, Map<RowHash, Long> lineIds) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO usage_row (customer_id, usage_date, line_id, slot_start, slot_hours, quantity, "
                + "unit_price, file_id, line_number) VALUES (?,?,?,?,?,?,?,?,?)", rows, rows.size(), (ps, parsed) -> {
                    UsageRow r = parsed.value();
                    ps.setString(1, r.customerId());
                    ps.setObject(2, r.usageDate());
                    ps.setLong(3, lineIds.get(r.lineHash()));
                    // A LocalDateTime in UTC (the JVM and the MySQL session are UTC): the MySQL driver formats a
                    // Timestamp through SimpleDateFormat and a Calendar (7 % of a MySQL import profile).
                    ps.setObject(4, java.time.LocalDateTime.ofInstant(r.slotStart(), java.time.ZoneOffset.UTC));
                    ps.setInt(5, r.slotHours());
                    ps.setBigDecimal(6, r.quantity());
                    ps.setBigDecimal(7, r.unitPrice());
                    ps.setLong(8, parsed.item().fileId());
                    ps.setLong(9, parsed.item().record().lineNumber());
                });
        // The per customer-day counts move with the rows, in the same transaction (see V5__usage_customer_day).
        Map<CustomerDate, long[]> perDay = new LinkedHashMap<>();
        for (ParsedItem<UsageRow> parsed : rows) {
            perDay.computeIfAbsent(new CustomerDate(parsed.value().customerId(), parsed.value().usageDate()),
                    k -> new long[1])[0]++;
        }
        List<Object[]> counts = new ArrayList<>(perDay.size());
        perDay.forEach((day, n) -> counts.add(new Object[] {day.customerId(), day.date(), n[0]}));
        jdbc.batchUpdate("INSERT INTO usage_customer_day (customer_id, usage_date, row_count) VALUES (?,?,?) "
                + "ON DUPLICATE KEY UPDATE row_count = row_count + VALUES(row_count)", counts);
    }
}
