package dev.ribilling.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level pre-import check ({@link CsvRecordSource#check}) against the straightforward pass it replaced
 * (Java's UTF-8 decoder, then the same quoting states over chars), kept here as the oracle: on random files full of
 * quotes, commas, line ends, multi-byte characters and broken UTF-8 both must report the same lines.
 */
class CsvTextCheckTests {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    @TempDir
    Path dir;

    static CsvRecordSource.TextCheck decoding(Path path) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
        long line = 1;
        int state = FIELD_START;
        long quoteOpenedOn = -1;
        boolean first = true;
        try (java.nio.channels.ReadableByteChannel channel = Files.newByteChannel(path)) {
            while (true) {
                boolean eof = channel.read(bytes) < 0;
                bytes.flip();
                java.nio.charset.CoderResult result;
                do {
                    result = decoder.decode(bytes, chars, eof);
                    chars.flip();
                    if (first && chars.hasRemaining()) {
                        first = false;
                        if (chars.get(chars.position()) == '\uFEFF') {
                            chars.get(); // the BOM, which the reader strips before parsing
                        }
                    }
                    while (chars.hasRemaining()) {
                        char c = chars.get();
                        if (c == '\n') {
                            line++;
                        }
                        switch (state) {
                            case FIELD_START -> {
                                if (c == '"') {
                                    state = QUOTED;
                                    quoteOpenedOn = line;
                                } else if (c != ',' && c != '\n' && c != '\r') {
                                    state = UNQUOTED;
                                }
                            }
                            case UNQUOTED -> {
                                if (c == ',' || c == '\n') {
                                    state = FIELD_START;
                                }
                            }
                            case QUOTED -> {
                                if (c == '"') {
                                    state = QUOTE_IN_QUOTED;
                                }
                            }
                            default -> { // QUOTE_IN_QUOTED
                                if (c == '"') {
                                    state = QUOTED;
                                } else if (c == ',' || c == '\n') {
                                    state = FIELD_START;
                                } else {
                                    state = UNQUOTED;
                                }
                            }
                        }
                    }
                    chars.clear();
                } while (result.isOverflow());
                if (result.isError()) {
                    return new CsvRecordSource.TextCheck(line, -1);
                }
                if (eof) {
                    return new CsvRecordSource.TextCheck(-1, state == QUOTED ? quoteOpenedOn : -1);
                }
                bytes.compact();
            }
        }
    }


    private static final byte[][] PIECES = {
        "\"".getBytes(StandardCharsets.UTF_8), ",".getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.UTF_8),
        "\r\n".getBytes(StandardCharsets.UTF_8), "\r".getBytes(StandardCharsets.UTF_8), "abc".getBytes(StandardCharsets.UTF_8),
        "Virtual Machines,Standard_D2s_v3,".getBytes(StandardCharsets.UTF_8), "\"\"".getBytes(StandardCharsets.UTF_8),
        "é".getBytes(StandardCharsets.UTF_8), "€".getBytes(StandardCharsets.UTF_8), "𝄞".getBytes(StandardCharsets.UTF_8),
        "\uFEFF".getBytes(StandardCharsets.UTF_8), "0123456789abcdef".getBytes(StandardCharsets.UTF_8),
    };

    /** Byte sequences that are not UTF-8 (overlong, surrogate, beyond U+10FFFF, stray, cut short). */
    private static final byte[][] BROKEN = {
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
    };

    @Test
    void theByteLevelCheckAgreesWithDecodingOnRandomFiles() throws IOException {
        Random random = new Random(20261127);
        int broken = 0;
        int unclosed = 0;
        for (int file = 0; file < 3000; file++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (random.nextInt(4) == 0) {
                out.write(0xEF);
                out.write(0xBB);
                out.write(0xBF);
            }
            int pieces = random.nextInt(file < 2000 ? 40 : 30_000);
            boolean quoteHeavy = random.nextBoolean();
            for (int p = 0; p < pieces; p++) {
                if (random.nextInt(file < 2000 ? 60 : 200_000) == 0) {
                    out.writeBytes(BROKEN[random.nextInt(BROKEN.length)]);
                } else if (!quoteHeavy && random.nextInt(3) > 0) {
                    out.writeBytes(PIECES[5 + random.nextInt(2)]); // long plain runs, where words are skipped
                } else {
                    out.writeBytes(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            Path p = dir.resolve("f" + file + ".csv");
            Files.write(p, out.toByteArray());
            CsvRecordSource.TextCheck expected = decoding(p);
            assertThat(CsvRecordSource.check(p)).as("file %d (%d bytes)", file, out.size()).isEqualTo(expected);
            broken += expected.invalidUtf8Line() > 0 ? 1 : 0;
            unclosed += expected.unclosedQuoteLine() > 0 ? 1 : 0;
            Files.delete(p);
        }
        // The random files exercise both findings and clean files, or the comparison would prove little.
        assertThat(broken).isGreaterThan(300);
        assertThat(unclosed).isGreaterThan(300);
        assertThat(3000 - broken - unclosed).isGreaterThan(300);
    }
}
