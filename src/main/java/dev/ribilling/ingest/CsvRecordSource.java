package dev.ribilling.ingest;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams an RFC 4180 CSV file (UTF-8, optional BOM, LF or CRLF) record by record with opencsv's parser,
 * keeping the physical line number where each record starts and its raw text, for the rejects file.
 * Malformed UTF-8 stops the file with a message: such a file cannot be read at all.
 */
public final class CsvRecordSource implements RecordSource {

    private final Path path;
    private final BufferedReader reader;
    private final RFC4180Parser parser = new RFC4180ParserBuilder().build();
    private long physicalLine;
    private Header header;

    public CsvRecordSource(Path path) throws IOException {
        this.path = path;
        InputStream in = Files.newInputStream(path);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    @Override
    public Header header() throws IOException {
        if (header == null) {
            SourceRecord first = readRecord();
            if (first == null) {
                throw new InvalidInputException(path.getFileName() + ": the file is empty, it has no header row");
            }
            header = new Header(first.fields());
        }
        return header;
    }

    @Override
    public SourceRecord next() throws IOException {
        header();
        SourceRecord record;
        do {
            record = readRecord();
            // Blank lines carry no row: they are neither loaded nor rejected.
        } while (record != null && record.rawLine().isBlank());
        return record;
    }

    private SourceRecord readRecord() throws IOException {
        String line = readLine();
        if (line == null) {
            return null;
        }
        long start = physicalLine;
        if (start == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        String[] fields = line.isEmpty() ? null : line.indexOf('"') < 0 ? splitPlain(line) : splitQuoted(line);
        if (fields == null) {
            fields = parser.parseLineMulti(line);
        }
        if (!parser.isPending()) {
            return new SourceRecord(start, line, fields);
        }
        // A quoted field spans lines: keep reading until the quote closes.
        StringBuilder raw = new StringBuilder(line);
        while (parser.isPending()) {
            String more = readLine();
            if (more == null) {
                throw new InvalidInputException(path.getFileName() + ": line " + start
                        + " opens a quoted field that is never closed");
            }
            raw.append('\n').append(more);
            // opencsv returns the fields completed so far and continues the open one on the next call.
            String[] rest = parser.parseLineMulti(more);
            String[] joined = java.util.Arrays.copyOf(fields, fields.length + rest.length);
            System.arraycopy(rest, 0, joined, fields.length, rest.length);
            fields = joined;
        }
        return new SourceRecord(start, raw.toString(), fields);
    }

    /**
     * The fields of a line without quotes: what opencsv's RFC 4180 parser returns for it (every comma separates,
     * fields as written), without its per-character work (most of the import's parsing garbage).
     */
    static String[] splitPlain(String line) {
        int n = 1;
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
            n++;
        }
        String[] fields = new String[n];
        int from = 0;
        for (int k = 0; k < n - 1; k++) {
            int comma = line.indexOf(',', from);
            fields[k] = line.substring(from, comma);
            from = comma + 1;
        }
        fields[n - 1] = line.substring(from);
        return fields;
    }

    /**
     * The fields of a one-line record whose every field is either unquoted (no '"' in it) or entirely quoted with
     * inner quotes doubled, as opencsv's RFC 4180 parser returns them; null for anything else (a quoted field
     * left open at the end of the line, a quote inside an unquoted field, text after a closing quote), which is
     * left to opencsv.
     */
    static String[] splitQuoted(String line) {
        java.util.ArrayList<String> fields = new java.util.ArrayList<>(32);
        int n = line.length();
        int i = 0;
        StringBuilder quoted = null;
        int nextQuote = line.indexOf('"'); // the first quote at or after i, once i passed the previous one
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                if (quoted == null) {
                    quoted = new StringBuilder(64);
                }
                quoted.setLength(0);
                int from = i + 1;
                while (true) {
                    int q = line.indexOf('"', from);
                    if (q < 0) {
                        return null; // open at the end of the line: a multi-line field
                    }
                    quoted.append(line, from, q);
                    if (q + 1 < n && line.charAt(q + 1) == '"') {
                        quoted.append('"');
                        from = q + 2;
                        continue;
                    }
                    i = q + 1;
                    break;
                }
                fields.add(quoted.toString());
                if (i == n) {
                    break;
                }
                if (line.charAt(i) != ',') {
                    return null;
                }
                i++;
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                if (nextQuote >= 0 && nextQuote < i) {
                    nextQuote = line.indexOf('"', i);
                }
                if (nextQuote >= 0 && nextQuote < end) {
                    return null; // a quote inside an unquoted field: opencsv's reading applies
                }
                fields.add(line.substring(i, end));
                if (comma < 0) {
                    break;
                }
                i = comma + 1;
            }
        }
        return fields.toArray(new String[0]);
    }

    private String readLine() throws IOException {
        try {
            String line = reader.readLine();
            if (line != null) {
                physicalLine++;
            }
            return line;
        } catch (java.nio.charset.CharacterCodingException e) {
            // The reader decodes ahead of the lines it returns, so the line being read is not the bad one: find it.
            throw new InvalidInputException(path.getFileName() + ": line " + lineOfInvalidUtf8(path)
                    + " is not valid UTF-8 text");
        }
    }

    /** The physical line (1 = the header) holding the first byte sequence that is not UTF-8, or -1 if none. */
    static long lineOfInvalidUtf8(Path path) throws IOException {
        return check(path).invalidUtf8Line();
    }

    /**
     * What makes a CSV file unreadable further down than its header, found in one pass before anything loads.
     *
     * @param invalidUtf8Line the line of the first byte sequence that is not UTF-8, or -1
     * @param unclosedQuoteLine the line where a quoted field opens that is never closed (everything after it would
     *        be one field), or -1
     */
    record TextCheck(long invalidUtf8Line, long unclosedQuoteLine) {
    }

    // RFC 4180 states, as RFC4180Parser reads them: a quote opens a quoted field only at the start of a field.
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3; // a closing quote, or the first half of an escaped ""

    /** Reads eight bytes of a buffer as one long, for {@link #plainWord}. */
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Eight ASCII bytes, none of them a quote or a line feed. */
    static boolean plainWord(long w) {
        return (w & HIGHS) == 0 && !hasByte(w, '"') && !hasByte(w, '\n');
    }

    /** Whether a byte of {@code w} (all bytes ASCII) equals {@code c}: the exact zero-byte test on w XOR c. */
    private static boolean hasByte(long w, int c) {
        long x = w ^ (ONES * c);
        return ((x - ONES) & ~x & HIGHS) != 0;
    }

    /**
     * Reads the file once as bytes: UTF-8 is validated here (the rules of Java's decoder: no overlong forms, no
     * surrogates, nothing above U+10FFFF, no sequence cut by the end of the file) and the quoting is followed on the
     * ASCII bytes, which in UTF-8 never occur inside a multi-byte character. Decoding to chars first ran at about
     * half the speed, and this pass reads every byte of a month of usage before anything loads.
     */
    static TextCheck check(Path path) throws IOException {
        byte[] buf = new byte[1 << 16];
        long line = 1;
        int state = FIELD_START;
        long quoteOpenedOn = -1;
        int need = 0; // continuation bytes still due in the current character
        int lo = 0x80; // the allowed range of the next continuation byte
        int hi = 0xBF;
        try (InputStream in = Files.newInputStream(path)) {
            int n = in.readNBytes(buf, 0, 3);
            int i = n == 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF ? 3 : 0;
            while (n > 0) {
                for (; i < n; i++) {
                    if (state <= UNQUOTED && need == 0) {
                        // Outside quotes only a quote, a line end or a non-ASCII byte needs a closer look: skip
                        // eight bytes at a time while there is none. The state after such a word is fixed by its
                        // last byte (a comma starts a field; a carriage return keeps the state, so it stops here).
                        int j = i;
                        while (j + 8 <= n && plainWord((long) LONGS.get(buf, j)) && buf[j + 7] != '\r') {
                            j += 8;
                        }
                        if (j > i) {
                            state = buf[j - 1] == ',' ? FIELD_START : UNQUOTED;
                            i = j;
                            if (i >= n) {
                                break;
                            }
                        }
                    }
                    int b = buf[i];
                    if (b >= 0) {
                        if (need > 0) {
                            return new TextCheck(line, -1);
                        }
                        if (b == '\n') {
                            line++;
                        }
                        switch (state) {
                            case FIELD_START -> {
                                if (b == '"') {
                                    state = QUOTED;
                                    quoteOpenedOn = line;
                                } else if (b != ',' && b != '\n' && b != '\r') {
                                    state = UNQUOTED;
                                }
                            }
                            case UNQUOTED -> {
                                if (b == ',' || b == '\n') {
                                    state = FIELD_START;
                                }
                            }
                            case QUOTED -> {
                                if (b == '"') {
                                    state = QUOTE_IN_QUOTED;
                                }
                            }
                            default -> { // QUOTE_IN_QUOTED
                                if (b == '"') {
                                    state = QUOTED;
                                } else if (b == ',' || b == '\n') {
                                    state = FIELD_START;
                                } else {
                                    state = UNQUOTED;
                                }
                            }
                        }
                        continue;
                    }
                    int u = b & 0xFF;
                    if (need > 0) {
                        if (u < lo || u > hi) {
                            return new TextCheck(line, -1);
                        }
                        need--;
                        lo = 0x80;
                        hi = 0xBF;
                        continue;
                    }
                    if (u >= 0xC2 && u <= 0xDF) {
                        need = 1;
                    } else if (u == 0xE0) {
                        need = 2;
                        lo = 0xA0; // shorter forms are overlong
                    } else if (u == 0xED) {
                        need = 2;
                        hi = 0x9F; // above are the UTF-16 surrogates
                    } else if (u >= 0xE1 && u <= 0xEF) {
                        need = 2;
                    } else if (u == 0xF0) {
                        need = 3;
                        lo = 0x90;
                    } else if (u >= 0xF1 && u <= 0xF3) {
                        need = 3;
                    } else if (u == 0xF4) {
                        need = 3;
                        hi = 0x8F; // above is beyond U+10FFFF
                    } else {
                        return new TextCheck(line, -1); // a stray continuation byte, C0, C1 or F5 to FF
                    }
                    // A character other than a quote, comma or line end.
                    if (state == FIELD_START || state == QUOTE_IN_QUOTED) {
                        state = UNQUOTED;
                    }
                }
                n = in.read(buf);
                i = 0;
            }
        }
        if (need > 0) {
            return new TextCheck(line, -1);
        }
        return new TextCheck(-1, state == QUOTED ? quoteOpenedOn : -1);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
