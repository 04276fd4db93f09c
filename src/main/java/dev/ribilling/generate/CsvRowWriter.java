package dev.ribilling.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the small reference files: UTF-8 without BOM, LF line endings, RFC 4180 quoting only where a field needs
 * it (so the files read naturally and diff well). Counts data rows.
 */
final class CsvRowWriter implements Closeable {

    private final BufferedWriter out;
    private long rows = -1;

    CsvRowWriter(Path file) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one row; the first row written is the header and is not counted. Null fields are written empty. */
    void row(String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields[i]));
            }
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long dataRows() {
        return Math.max(rows, 0);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180: a field holding a comma, quote, CR or LF is enclosed in quotes, with inner quotes doubled. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean needsQuotes = false;
        for (int i = 0; i < value.length() && !needsQuotes; i++) {
            char c = value.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
