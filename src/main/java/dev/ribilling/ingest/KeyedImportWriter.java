package dev.ribilling.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Loads keyed rows one by one (these files are small): a new key is inserted; the same key with the same values
 * is a duplicate; the same key with different values replaces the stored version from now on, keeping the old
 * one in the history and listing the change in the run summary. A line already applied by an earlier import of
 * the same file is a duplicate, silently: an identical file imported again changes nothing.
 */
public class KeyedImportWriter<T> implements ItemWriter<ParsedItem<T>> {

    private final KeyedTable<T> table;
    private final ImportStore store;
    private final long jobInstanceId;
    private final Clock clock;

    public KeyedImportWriter(KeyedTable<T> table, ImportStore store, long jobInstanceId, Clock clock) {
        this.table = table;
        this.store = store;
        this.jobInstanceId = jobInstanceId;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends ParsedItem<T>> chunk) {
        Instant now = clock.instant();
        Map<Long, ImportStore.FileCounts> counts = new LinkedHashMap<>();
        List<ImportStore.Rejection> rejections = new ArrayList<>();
        for (ParsedItem<T> parsed : chunk) {
            long fileId = parsed.item().fileId();
            SourceRecord record = parsed.item().record();
            ImportStore.FileCounts c = counts.computeIfAbsent(fileId, id -> new ImportStore.FileCounts());
            c.read++;
            if (parsed.isSkipped()) {
                c.skipped++;
                continue;
            }
            if (parsed.isRejected()) {
                c.rejected++;
                rejections.add(new ImportStore.Rejection(fileId, record, parsed.rejectReason(), parsed.message()));
                continue;
            }
            T row = parsed.value();
            String values = table.values(row).toJson();
            try {
                KeyedTable.Stored stored = table.find(row);
                if (stored == null) {
                    table.checkNew(row);
                    table.insert(row, values, fileId, record.lineNumber(), now);
                    c.loaded++;
                } else if (stored.rowValues().equals(values) || store.wasApplied(table.kind(), fileId, record.lineNumber())) {
                    c.duplicate++;
                    boolean sameSource = stored.fileId() == fileId && stored.line() == record.lineNumber();
                    if (!sameSource && stored.rowValues().equals(values)) {
                        rejections.add(new ImportStore.Rejection(fileId, record, RejectReason.DUPLICATE,
                                "duplicate: " + table.kind().label() + " " + table.naturalKey(row)
                                        + " is already loaded with the same values"));
                    }
                } else {
                    table.checkChange(row, stored, RowValues.changedNames(stored.rowValues(), values));
                    table.update(row, values, fileId, record.lineNumber(), now);
                    store.history(table.kind(), table.naturalKey(row), stored, values, now, jobInstanceId,
                            fileId, record.lineNumber());
                    c.loaded++;
                    c.updated++;
                }
            } catch (RowRejectedException e) {
                c.rejected++;
                rejections.add(new ImportStore.Rejection(fileId, record, e.reason(), e.getMessage()));
            }
        }
        store.rejectAll(jobInstanceId, rejections);
        counts.forEach((fileId, c) -> store.addStats(jobInstanceId, fileId, c));
    }
}
