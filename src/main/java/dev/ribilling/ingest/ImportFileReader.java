package dev.ribilling.ingest;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the records of every input file of one kind, file after file, never holding a file in memory. Its
 * position (file index, records done) is saved at every commit, so a restarted import resumes after the last
 * committed chunk instead of loading half a file twice.
 */
public class ImportFileReader implements ItemStreamReader<ImportItem> {

    private final List<InputFile> files;
    private final ImportStore store;
    private final long jobInstanceId;
    private final Clock clock;
    private final String name;

    private int fileIndex;
    private long recordsDone;
    private RecordSource source;
    private InputFile current;
    private long currentFileId;
    private Header header;

    public ImportFileReader(String name, List<InputFile> files, ImportStore store, long jobInstanceId, Clock clock) {
        this.name = name;
        this.files = files;
        this.store = store;
        this.jobInstanceId = jobInstanceId;
        this.clock = clock;
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(name + ".fileIndex", 0);
        recordsDone = context.getLong(name + ".recordsDone", 0L);
    }

    @Override
    public ImportItem read() throws IOException {
        while (fileIndex < files.size()) {
            if (source == null) {
                openCurrent();
            }
            SourceRecord record = source.next();
            if (record != null) {
                recordsDone++;
                return new ImportItem(current, currentFileId, header, record);
            }
            source.close();
            source = null;
            fileIndex++;
            recordsDone = 0;
        }
        return null;
    }

    private void openCurrent() throws IOException {
        current = files.get(fileIndex);
        InputScanner.checkHeader(current);
        currentFileId = store.registerFile(current.sha256(), current.kind(), current.fileName(), current.path().toString(),
                clock.instant());
        store.startStats(jobInstanceId, currentFileId, current.path().toString(), current.kind());
        source = RecordSource.open(current.path());
        header = source.header();
        // After a restart, skip the records whose chunks were already committed.
        for (long i = 0; i < recordsDone; i++) {
            if (source.next() == null) {
                break;
            }
        }
    }

    /** The file being read (an index into the step's files). */
    int fileIndex() {
        return fileIndex;
    }

    /** Records of the current file already read, the last one included. */
    long recordsDone() {
        return recordsDone;
    }

    @Override
    public void update(ExecutionContext context) {
        savePosition(context, name, fileIndex, recordsDone);
    }

    /** The restart position as {@link #open} reads it; {@link ParseAheadReader} saves its own the same way. */
    static void savePosition(ExecutionContext context, String name, int fileIndex, long recordsDone) {
        context.putInt(name + ".fileIndex", fileIndex);
        context.putLong(name + ".recordsDone", recordsDone);
    }

    @Override
    public void close() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + current.fileName(), e);
            }
            source = null;
        }
    }
}
