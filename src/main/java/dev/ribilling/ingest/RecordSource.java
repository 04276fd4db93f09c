package dev.ribilling.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads the records of one input file (CSV or xlsx), header first. */
public interface RecordSource extends Closeable {

    /** The header row; read once, before any record. */
    Header header() throws IOException;

    /** The next data record, or null at the end of the file. */
    SourceRecord next() throws IOException;

    static RecordSource open(Path path) throws IOException {
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return new XlsxRecordSource(path);
        }
        return new CsvRecordSource(path);
    }
}
