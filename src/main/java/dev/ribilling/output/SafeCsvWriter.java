package dev.ribilling.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes every CSV file the product produces: UTF-8 without BOM, LF line endings, RFC 4180 quoting. A text cell
 * that begins with '=', '+', '-', '@', tab or carriage return is prefixed with a quote mark so that no
 * spreadsheet runs it as a formula; cells declared numeric are written as plain decimals (e.g. -12.50).
 * The file appears under its final name only when complete: it is written to a temporary file, which
 * {@link #close()} moves into place only if every write succeeded; after a failed write the temporary file is
 * deleted and the previous file, if any, stays as it was.
 */
public final class SafeCsvWriter implements Closeable {

    private final Path target;
    private final Path temp;
    private final Writer out;
    private boolean failed;

    public SafeCsvWriter(Path target) throws IOException {
        this.target = target;
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.temp = target.resolveSibling(target.getFileName() + ".tmp");
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
    }

    /** A row of text cells (each made formula-safe). */
    public void row(String... cells) throws IOException {
        boolean[] text = new boolean[cells.length];
        row(cells, text);
    }

    /** A row where {@code numeric[i]} marks cells written as they are (plain decimals, may start with '-'). */
    public void row(String[] cells, boolean[] numeric) throws IOException {
        // Marked failed until the row is written: an exception anywhere leaves the file unpublished.
        failed = true;
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String cell = cells[i] == null ? "" : cells[i];
            out.write(numeric[i] ? quote(cell) : quote(safeText(cell)));
        }
        out.write('\n');
        failed = false;
    }

    /** Marks the file as not to be published (a caller's own failure while producing rows). */
    public void abandon() {
        failed = true;
    }

    /** The formula-injection rule for text cells. */
    public static String safeText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char c = text.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + text;
        }
        return text;
    }

    static String quote(String cell) {
        boolean needs = false;
        for (int i = 0; i < cell.length() && !needs; i++) {
            char c = cell.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            failed = true;
            throw e;
        } finally {
            if (failed) {
                Files.deleteIfExists(temp);
            }
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
