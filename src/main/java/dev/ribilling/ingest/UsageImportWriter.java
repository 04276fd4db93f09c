package dev.ribilling.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * Loads a chunk of usage rows into usage_pack: the rows of one customer, usage date and usage line go into one
 * database row as encoded entries ({@link UsageEntries}), spilling into the next pack_no when a pack is full.
 *
 * <p>A row whose columns all equal those of a row already loaded (earlier in this file, in this chunk or in an
 * earlier file) is a duplicate: same line (all descriptive columns), slot, quantity and price (by value, at the
 * stored scale 10). A row found again at the same line of the same file (an identical file imported again) is
 * counted as a duplicate without a new rejects entry. Only the packs of the chunk's line-days are ever read, so no
 * month of rows is held in memory.
 *
 * <p>A line-day that is not stored yet cannot hold a duplicate, and in fresh data most line-days of a chunk are new:
 * they are inserted optimistically under a savepoint, and the primary key of usage_pack refuses the attempt only
 * when one of them exists. Then the chunk goes back to the savepoint and takes the careful path for every
 * line-day: read its stored packs, drop the duplicates, append the new entries to the last pack (or the next
 * pack_no). Line-days this writer stored in an earlier chunk (a VM's day cut by a chunk boundary) take the careful
 * path at once.
 */
public class UsageImportWriter implements ItemWriter<ParsedItem<UsageRow>> {

    private static final int LOOKUP_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final ImportStore store;
    private final long jobInstanceId;
    private final Set<String> knownCustomers;
    private final UsageLineCache lines;
    private final int packChars;
    private final boolean h2;
    /**
     * Line-days written by the previous chunk of this writer, whose rows a chunk boundary may have cut (files list a
     * resource's rows together): a hint only, a rolled-back chunk may have left them out.
     */
    private Set<PackKey> recent = Set.of();

    public UsageImportWriter(JdbcTemplate jdbc, ImportStore store, long jobInstanceId) {
        this(jdbc, store, jobInstanceId, UsageEntries.MAX_CHARS);
    }

    /** With a smaller pack capacity, for tests of the spill into the next pack_no. */
    UsageImportWriter(JdbcTemplate jdbc, ImportStore store, long jobInstanceId, int packChars) {
        this.jdbc = jdbc;
        this.store = store;
        this.jobInstanceId = jobInstanceId;
        this.knownCustomers = new HashSet<>(jdbc.queryForList("SELECT customer_id FROM customer", String.class));
        this.lines = new UsageLineCache(jdbc);
        this.overlap = new HourlyOverlap(jdbc);
        this.packChars = packChars;
        this.h2 = dev.ribilling.storage.DatabaseProduct.isH2(jdbc);
    }

    private final HourlyOverlap overlap;

    private Map<String, String> knownLowerCase;

    /** Why a CustomerId is unknown; CustomerIds are compared exactly, so a spelling in another case gets a hint. */
    private String unknownCustomer(String customerId) {
        if (knownLowerCase == null) {
            knownLowerCase = new java.util.HashMap<>();
            knownCustomers.forEach(c -> knownLowerCase.putIfAbsent(c.toLowerCase(java.util.Locale.ROOT), c));
        }
        String known = knownLowerCase.get(customerId.toLowerCase(java.util.Locale.ROOT));
        if (known != null) {
            return "CustomerId '" + customerId + "' is not a known customer (the loaded customer '" + known
                    + "' differs only in case: CustomerIds are compared exactly)";
        }
        return "CustomerId '" + customerId + "' is not a known customer (load it in a customers file first)";
    }

    private record Origin(long fileId, long line) {
    }

    /**
     * Everything that makes two usage rows equal: the line (all descriptive columns), slot, quantity and price, the
     * values compared as stored (scale 10), whatever their written scale.
     */
    private record RowKey(RowHash line, java.time.Instant slotStart, int slotHours, BigDecimal quantity,
            BigDecimal unitPrice) {
        static RowKey of(UsageRow r) {
            // At the stored scale 10 equal values are equal BigDecimals: no stripTrailingZeros needed.
            return new RowKey(r.lineHash(), r.slotStart(), r.slotHours(), UsageEntries.stored(r.quantity()),
                    UsageEntries.stored(r.unitPrice()));
        }
    }

    /** A row's identity within its line-day. */
    private record EntryKey(int hour, int slotHours, BigDecimal quantity, BigDecimal unitPrice) {
        static EntryKey of(int hour, int slotHours, BigDecimal quantity, BigDecimal unitPrice) {
            return new EntryKey(hour, slotHours, UsageEntries.stored(quantity), UsageEntries.stored(unitPrice));
        }
    }

    /** A line-day: the key of its packs. */
    private record PackKey(String customerId, LocalDate date, long lineId) {
    }

    /** A pack to insert or to update. */
    private record Pack(PackKey key, int packNo, int count, String entries) {
    }

    private record CustomerDate(String customerId, LocalDate date) {
    }

    private record FileDay(long fileId, String customerId, LocalDate date, String currency) {
    }

    @Override
    public void write(Chunk<? extends ParsedItem<UsageRow>> chunk) {
        Map<Long, ImportStore.FileCounts> counts = new LinkedHashMap<>();
        List<ImportStore.Rejection> rejections = new ArrayList<>();
        Map<RowKey, ParsedItem<UsageRow>> candidates = new LinkedHashMap<>(chunk.size() * 2);
        List<ParsedItem<UsageRow>> usable = new ArrayList<>(chunk.size());
        long lastFileId = -1;
        ImportStore.FileCounts c = null;
        for (ParsedItem<UsageRow> parsed : chunk) {
            if (c == null || parsed.item().fileId() != lastFileId) { // a chunk is mostly one file
                lastFileId = parsed.item().fileId();
                c = counts.computeIfAbsent(lastFileId, id -> new ImportStore.FileCounts());
            }
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
                        RejectReason.UNKNOWN_CUSTOMER, unknownCustomer(parsed.value().customerId())));
            } else {
                usable.add(parsed);
            }
        }
        java.util.Set<Integer> overlapping = overlap.overlapping(usable.stream().map(ParsedItem::value).toList());
        for (int i = 0; i < usable.size(); i++) {
            ParsedItem<UsageRow> parsed = usable.get(i);
            ImportStore.FileCounts fc = counts.get(parsed.item().fileId());
            if (overlapping.contains(i)) {
                fc.rejected++;
                rejections.add(new ImportStore.Rejection(parsed.item().fileId(), parsed.item().record(),
                        RejectReason.OVERLAPS_HOURLY_USAGE, "daily row for " + parsed.value().resourceUri() + " on "
                                + parsed.value().usageDate() + ", which has hourly rows that day (contract section 3)"));
                continue;
            }
            ParsedItem<UsageRow> first = candidates.putIfAbsent(RowKey.of(parsed.value()), parsed);
            if (first != null) {
                fc.duplicate++;
                rejections.add(duplicate(parsed, first.item().fileId(), first.item().record().lineNumber()));
            }
        }
        Map<RowHash, Long> lineIds = lines.resolve(candidates.values().stream().map(ParsedItem::value).toList());
        Map<PackKey, List<ParsedItem<UsageRow>>> byLineDay = new LinkedHashMap<>();
        Map<PackKey, List<ParsedItem<UsageRow>>> known = new LinkedHashMap<>();
        Map<PackKey, List<ParsedItem<UsageRow>>> fresh = new LinkedHashMap<>();
        PackKey lastKey = null;
        List<ParsedItem<UsageRow>> lastList = null;
        for (ParsedItem<UsageRow> parsed : candidates.values()) {
            UsageRow r = parsed.value();
            long lineId = lineIds.get(r.lineHash());
            if (lastKey == null || lastKey.lineId() != lineId || !lastKey.date().equals(r.usageDate())
                    || !lastKey.customerId().equals(r.customerId())) {
                lastKey = new PackKey(r.customerId(), r.usageDate(), lineId);
                lastList = byLineDay.computeIfAbsent(lastKey, k -> new ArrayList<>());
            }
            lastList.add(parsed);
        }
        byLineDay.forEach((key, rows) -> (recent.contains(key) ? known : fresh).put(key, rows));
        // The rows loaded, per line-day.
        List<List<ParsedItem<UsageRow>>> loaded = known.isEmpty() ? new ArrayList<>(byLineDay.size())
                : careful(known, counts, rejections);
        if (optimisticInsert(fresh)) {
            loaded.addAll(fresh.values());
        } else {
            loaded.addAll(careful(fresh, counts, rejections));
        }
        for (List<ParsedItem<UsageRow>> rows : loaded) {
            for (ParsedItem<UsageRow> parsed : rows) {
                if (parsed.item().fileId() != lastFileId) {
                    lastFileId = parsed.item().fileId();
                    c = counts.get(lastFileId);
                }
                c.loaded++;
            }
        }
        addCounts(loaded);
        recent = new HashSet<>(byLineDay.keySet()); // the keys only: the chunk's rows may go
        store.rejectAll(jobInstanceId, rejections);
        counts.forEach((fileId, n) -> store.addStats(jobInstanceId, fileId, n));
    }

    /** Inserts the packs of line-days presumed new; if one exists, undoes the attempt and returns false. */
    private boolean optimisticInsert(Map<PackKey, List<ParsedItem<UsageRow>>> lineDays) {
        if (lineDays.isEmpty()) {
            return true;
        }
        List<Pack> packs = new ArrayList<>(lineDays.size());
        lineDays.forEach((key, rows) -> pack(key, rows, new UsageEntries.Packer(packChars), 0, packs));
        // The chunk transaction's own connection: a savepoint on it undoes just this attempt.
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection connection) -> {
            java.sql.Savepoint savepoint = connection.setSavepoint();
            try {
                insertPacks(packs);
                connection.releaseSavepoint(savepoint);
                return true;
            } catch (DuplicateKeyException repeated) {
                connection.rollback(savepoint);
                return false;
            }
        }));
    }

    /**
     * Appends the rows to {@code packer} (already holding the entries of pack {@code packNo}), adding a full pack to
     * {@code out} whenever the next entry does not fit, and the last one at the end; returns the last pack_no.
     */
    private int pack(PackKey key, List<ParsedItem<UsageRow>> rows, UsageEntries.Packer packer, int packNo,
            List<Pack> out) {
        long dayStart = key.date().toEpochDay() * 86_400L;
        for (ParsedItem<UsageRow> parsed : rows) {
            UsageRow r = parsed.value();
            long offset = r.slotStart().getEpochSecond() - dayStart;
            if (offset < 0 || offset >= 86_400L || offset % 3600 != 0 || r.slotStart().getNano() != 0) {
                throw new IllegalArgumentException("slot start " + r.slotStart() + " is not an hour of " + key.date());
            }
            int hour = (int) (offset / 3600);
            if (!packer.add(hour, r.slotHours(), r.quantity(), r.unitPrice(), parsed.item().fileId(),
                    parsed.item().record().lineNumber())) {
                out.add(new Pack(key, packNo, packer.count(), packer.text()));
                packNo++;
                packer = new UsageEntries.Packer(packChars);
                packer.add(hour, r.slotHours(), r.quantity(), r.unitPrice(), parsed.item().fileId(),
                        parsed.item().record().lineNumber());
            }
        }
        out.add(new Pack(key, packNo, packer.count(), packer.text()));
        return packNo;
    }

    private void insertPacks(List<Pack> packs) {
        if (packs.isEmpty()) {
            return;
        }
        MultiRowInsert.insert(jdbc, h2, "INSERT INTO usage_pack (customer_id, usage_date, line_id, pack_no, entry_count, "
                + "entries) VALUES ", "(?,?,?,?,?,?)", packs.stream().map(p -> new Object[] {p.key().customerId(),
                        p.key().date(), p.key().lineId(), p.packNo(), p.count(), p.entries()}).toList());
    }

    /** A stored line-day: the origin of each of its entries, and its last pack. */
    private static final class StoredLineDay {
        final Map<EntryKey, Origin> entries = new HashMap<>();
        int lastPackNo = -1;
        String lastEntries;
    }

    /**
     * The careful path: every line-day's stored packs are read, the duplicates of stored rows are counted (and
     * rejected unless found again at the same line of the same file), and the new rows are appended.
     */
    private List<List<ParsedItem<UsageRow>>> careful(Map<PackKey, List<ParsedItem<UsageRow>>> byLineDay,
            Map<Long, ImportStore.FileCounts> counts, List<ImportStore.Rejection> rejections) {
        Map<PackKey, StoredLineDay> stored = stored(byLineDay.keySet());
        List<List<ParsedItem<UsageRow>>> loaded = new ArrayList<>();
        List<Pack> inserts = new ArrayList<>();
        List<Pack> updates = new ArrayList<>();
        for (Map.Entry<PackKey, List<ParsedItem<UsageRow>>> e : byLineDay.entrySet()) {
            PackKey key = e.getKey();
            StoredLineDay day = stored.get(key);
            List<ParsedItem<UsageRow>> rows = e.getValue();
            if (day != null) {
                long dayStart = key.date().toEpochDay() * 86_400L;
                List<ParsedItem<UsageRow>> fresh = new ArrayList<>(rows.size());
                for (ParsedItem<UsageRow> parsed : rows) {
                    UsageRow r = parsed.value();
                    int hour = (int) ((r.slotStart().getEpochSecond() - dayStart) / 3600);
                    Origin origin = day.entries.get(EntryKey.of(hour, r.slotHours(), r.quantity(), r.unitPrice()));
                    if (origin == null) {
                        fresh.add(parsed);
                        continue;
                    }
                    counts.get(parsed.item().fileId()).duplicate++;
                    boolean sameLineOfSameFile = origin.fileId() == parsed.item().fileId()
                            && origin.line() == parsed.item().record().lineNumber();
                    if (!sameLineOfSameFile) {
                        rejections.add(duplicate(parsed, origin.fileId(), origin.line()));
                    }
                }
                rows = fresh;
            }
            if (rows.isEmpty()) {
                continue;
            }
            loaded.add(rows);
            if (day == null) {
                pack(key, rows, new UsageEntries.Packer(packChars), 0, inserts);
                continue;
            }
            // The last pack is rewritten with the new entries it can take; the rest go to the next pack_no.
            UsageEntries.Packer packer = new UsageEntries.Packer(packChars);
            for (UsageEntries.Entry stored1 : UsageEntries.decode(day.lastEntries)) {
                packer.add(stored1);
            }
            List<Pack> packs = new ArrayList<>();
            pack(key, rows, packer, day.lastPackNo, packs);
            for (Pack p : packs) {
                (p.packNo() == day.lastPackNo ? updates : inserts).add(p);
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE usage_pack SET entry_count = ?, entries = ? WHERE customer_id = ? AND usage_date = ? "
                    + "AND line_id = ? AND pack_no = ?", updates, updates.size(), (ps, p) -> {
                        ps.setInt(1, p.count());
                        ps.setString(2, p.entries());
                        ps.setString(3, p.key().customerId());
                        ps.setObject(4, p.key().date());
                        ps.setLong(5, p.key().lineId());
                        ps.setInt(6, p.packNo());
                    });
        }
        insertPacks(inserts);
        return loaded;
    }

    /** The stored packs of the line-days, read per customer and usage date through the primary key. */
    private Map<PackKey, StoredLineDay> stored(java.util.Collection<PackKey> keys) {
        Map<CustomerDate, java.util.TreeSet<Long>> linesByDay = new LinkedHashMap<>();
        for (PackKey key : keys) {
            linesByDay.computeIfAbsent(new CustomerDate(key.customerId(), key.date()), d -> new java.util.TreeSet<>())
                    .add(key.lineId());
        }
        Map<PackKey, StoredLineDay> found = new HashMap<>();
        for (Map.Entry<CustomerDate, java.util.TreeSet<Long>> e : linesByDay.entrySet()) {
            CustomerDate day = e.getKey();
            List<Long> ids = new ArrayList<>(e.getValue());
            for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
                List<Object> args = new ArrayList<>(batch.size() + 2);
                args.add(day.customerId());
                args.add(day.date());
                args.addAll(batch);
                jdbc.query("SELECT line_id, pack_no, entries FROM usage_pack WHERE customer_id = ? AND usage_date = ? "
                        + "AND line_id IN (" + String.join(",", java.util.Collections.nCopies(batch.size(), "?")) + ")",
                        rs -> {
                            StoredLineDay lineDay = found.computeIfAbsent(
                                    new PackKey(day.customerId(), day.date(), rs.getLong(1)), k -> new StoredLineDay());
                            int packNo = rs.getInt(2);
                            String text = rs.getString(3);
                            UsageEntries.decode(text, (hour, slotHours, quantity, unitPrice, fileId, line) -> lineDay.entries
                                    .putIfAbsent(EntryKey.of(hour, slotHours, quantity, unitPrice), new Origin(fileId, line)));
                            if (packNo > lineDay.lastPackNo) {
                                lineDay.lastPackNo = packNo;
                                lineDay.lastEntries = text;
                            }
                        }, args.toArray());
            }
        }
        return found;
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
     * The per customer-day counts (match planning, see V5__usage_customer_day) and the per file, customer-day and
     * currency counts and amounts (see V6__usage_pack) move with the rows, in the same transaction. Summed per
     * line-day (one currency, usually one file and one price): quantity x price once per run of equal prices.
     */
    private void addCounts(java.util.Collection<List<ParsedItem<UsageRow>>> lineDays) {
        Map<CustomerDate, long[]> perDay = new LinkedHashMap<>();
        Map<FileDay, Object[]> perFileDay = new LinkedHashMap<>();
        for (List<ParsedItem<UsageRow>> rows : lineDays) {
            if (rows.isEmpty()) {
                continue;
            }
            UsageRow first = rows.get(0).value();
            perDay.computeIfAbsent(new CustomerDate(first.customerId(), first.usageDate()), k -> new long[1])[0] += rows.size();
            String currency = first.pricingCurrency().getCurrencyCode();
            int i = 0;
            while (i < rows.size()) {
                long fileId = rows.get(i).item().fileId();
                BigDecimal price = UsageEntries.stored(rows.get(i).value().unitPrice());
                BigDecimal quantities = BigDecimal.ZERO;
                int j = i;
                for (; j < rows.size() && rows.get(j).item().fileId() == fileId; j++) {
                    BigDecimal p = UsageEntries.stored(rows.get(j).value().unitPrice());
                    if (p.compareTo(price) != 0) {
                        break;
                    }
                    quantities = quantities.add(UsageEntries.stored(rows.get(j).value().quantity()));
                }
                Object[] sums = perFileDay.computeIfAbsent(new FileDay(fileId, first.customerId(), first.usageDate(),
                        currency), k -> new Object[] {0L, BigDecimal.ZERO});
                sums[0] = (Long) sums[0] + (j - i);
                sums[1] = ((BigDecimal) sums[1]).add(quantities.multiply(price));
                i = j;
            }
        }
        if (perDay.isEmpty()) {
            return;
        }
        List<Object[]> days = new ArrayList<>(perDay.size());
        perDay.forEach((day, n) -> days.add(new Object[] {day.customerId(), day.date(), n[0]}));
        upsert("INSERT INTO usage_customer_day (customer_id, usage_date, row_count) VALUES (?,?,?)",
                "ON DUPLICATE KEY UPDATE row_count = row_count + VALUES(row_count)",
                "UPDATE usage_customer_day SET row_count = row_count + ? WHERE customer_id = ? AND usage_date = ?", 2,
                days);
        List<Object[]> fileDays = new ArrayList<>(perFileDay.size());
        perFileDay.forEach((k, sums) -> fileDays.add(new Object[] {k.fileId(), k.customerId(), k.date(), k.currency(),
                sums[0], sums[1]}));
        upsert("INSERT INTO usage_file_day (file_id, customer_id, usage_date, pricing_currency, row_count, amount) "
                + "VALUES (?,?,?,?,?,?)", "ON DUPLICATE KEY UPDATE row_count = row_count + VALUES(row_count), "
                + "amount = amount + VALUES(amount)", "UPDATE usage_file_day SET row_count = row_count + ?, "
                + "amount = amount + ? WHERE file_id = ? AND customer_id = ? AND usage_date = ? AND pricing_currency = ?",
                4, fileDays);
    }

    /**
     * Adds to counters, inserting the missing ones. MySQL and MariaDB do it in one statement (INSERT ... ON
     * DUPLICATE KEY UPDATE); H2 runs that statement as a failed insert (building an exception and its message) and
     * a freshly parsed update for every existing key, so on H2 the keys are updated first and the rows no update
     * found are inserted: imports of usage never run concurrently (the run lock), so none appears in between.
     *
     * @param keys the number of key columns, which come first in each row of {@code rows} (then the increments)
     */
    private void upsert(String insert, String onDuplicate, String update, int keys, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!h2) {
            jdbc.batchUpdate(insert + " " + onDuplicate, rows);
            return;
        }
        List<Object[]> updates = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] args = new Object[row.length];
            System.arraycopy(row, keys, args, 0, row.length - keys);
            System.arraycopy(row, 0, args, row.length - keys, keys);
            updates.add(args);
        }
        int[] updated = jdbc.batchUpdate(update, updates);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate(insert, missing);
        }
    }
}
