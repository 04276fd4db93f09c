package dev.ribilling.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Physical line numbers, raw text and fields of CSV records, and the files that cannot be read at all. */
class CsvRecordSourceTests {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<SourceRecord> readAll(Path p) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        try (CsvRecordSource source = new CsvRecordSource(p)) {
            SourceRecord r;
            while ((r = source.next()) != null) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void bomAndCrlfAreInvisible() throws IOException {
        Path p = write("usage.csv", "\uFEFFA,B\r\n1,2\r\n3,4\r\n");
        try (CsvRecordSource source = new CsvRecordSource(p)) {
            Header header = source.header();
            assertThat(header.names()).containsExactly("A", "B");
            assertThat(header.indexOf("a")).isZero();
            SourceRecord first = source.next();
            assertThat(first.lineNumber()).isEqualTo(2);
            assertThat(first.rawLine()).isEqualTo("1,2");
            assertThat(first.fields()).containsExactly("1", "2");
            SourceRecord second = source.next();
            assertThat(second.lineNumber()).isEqualTo(3);
            assertThat(second.fields()).containsExactly("3", "4");
            assertThat(source.next()).isNull();
            assertThat(source.next()).as("stays at the end").isNull();
        }
    }

    @Test
    void aQuotedFieldWithACommaAndANewlineIsOneRecordStartingAtItsFirstPhysicalLine() throws IOException {
        Path p = write("customers.csv", "CustomerId,CustomerName,BillingCurrency\n"
                + "initech,Initech,USD\n"
                + "tailspin,\"Tailspin Toys, Europe\n(Lyon office)\",EUR\n"
                + "nul,\"Null \"\"Devices\"\"\",USD\n");
        List<SourceRecord> records = readAll(p);

        assertThat(records).extracting(SourceRecord::lineNumber).containsExactly(2L, 3L, 5L);
        SourceRecord tailspin = records.get(1);
        assertThat(tailspin.fields()).containsExactly("tailspin", "Tailspin Toys, Europe\n(Lyon office)", "EUR");
        assertThat(tailspin.rawLine()).isEqualTo("tailspin,\"Tailspin Toys, Europe\n(Lyon office)\",EUR");
        assertThat(records.get(2).fields()).containsExactly("nul", "Null \"Devices\"", "USD");
        assertThat(records.get(2).rawLine()).isEqualTo("nul,\"Null \"\"Devices\"\"\",USD");
    }

    @Test
    void aQuotedFieldOverThreeLinesWithCrlf() throws IOException {
        Path p = write("customers.csv", "A,B,C\r\n\"x\r\ny\r\nz\",2,3\r\nlast,5,6\r\n");
        List<SourceRecord> records = readAll(p);
        assertThat(records).extracting(SourceRecord::lineNumber).containsExactly(2L, 5L);
        assertThat(records.get(0).fields()).containsExactly("x\ny\nz", "2", "3");
        assertThat(records.get(1).fields()).containsExactly("last", "5", "6");
    }

    @Test
    void blankLinesAreNeitherRecordsNorLostInTheLineCount() throws IOException {
        Path p = write("usage.csv", "A,B\n\n1,2\n   \n\n3,4\n\n");
        List<SourceRecord> records = readAll(p);
        assertThat(records).extracting(SourceRecord::lineNumber).containsExactly(3L, 6L);
        assertThat(records).extracting(SourceRecord::rawLine).containsExactly("1,2", "3,4");
    }

    @Test
    void theLastLineNeedsNoNewline() throws IOException {
        List<SourceRecord> records = readAll(write("usage.csv", "A,B\n1,2"));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).fields()).containsExactly("1", "2");
    }

    @Test
    void anEmptyFileHasNoHeader() throws IOException {
        Path p = write("usage.csv", "");
        try (CsvRecordSource source = new CsvRecordSource(p)) {
            assertThatThrownBy(source::header).isInstanceOf(InvalidInputException.class)
                    .hasMessage("usage.csv: the file is empty, it has no header row");
        }
    }

    @Test
    void anUnclosedQuoteStopsTheFileNamingTheLineWhereItOpens() throws IOException {
        Path p = write("customers.csv", "A,B\n1,2\n3,\"never closed\n4,5\n6,7\n");
        try (CsvRecordSource source = new CsvRecordSource(p)) {
            assertThat(source.next().lineNumber()).isEqualTo(2);
            assertThatThrownBy(source::next).isInstanceOf(InvalidInputException.class)
                    .hasMessage("customers.csv: line 3 opens a quoted field that is never closed");
        }
    }

    @Test
    void invalidUtf8StopsTheFileNamingTheLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("A,B\n1,2\n3,4\n5,".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3); // a lead byte followed by a byte that cannot continue it
        bytes.write(0x28);
        bytes.writeBytes("\n7,8\n".getBytes(StandardCharsets.UTF_8));
        Path p = write("usage.csv", bytes.toByteArray());

        assertThatThrownBy(() -> readAll(p)).isInstanceOf(InvalidInputException.class)
                .hasMessage("usage.csv: line 4 is not valid UTF-8 text");
    }

    @Test
    void invalidUtf8FarIntoALargeFileNamesItsLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("A,B\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 20_000; i++) {
            bytes.writeBytes(("row" + i + ",été\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("bad,".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        Path p = write("usage.csv", bytes.toByteArray());

        assertThatThrownBy(() -> readAll(p)).isInstanceOf(InvalidInputException.class)
                .hasMessage("usage.csv: line 20002 is not valid UTF-8 text");
    }

    @Test
    void validMultiByteTextIsRead() throws IOException {
        List<SourceRecord> records = readAll(write("customers.csv", "A,B\nZürich,東京\n"));
        assertThat(records.get(0).fields()).containsExactly("Zürich", "東京");
    }

    @Test
    void theSampleDataCustomersOfBadRowsKeepTheirPhysicalLines() throws IOException {
        List<SourceRecord> records = readAll(Path.of("sample-data/bad/customers-bad.csv"));
        assertThat(records).extracting(SourceRecord::lineNumber).containsExactly(2L, 3L, 4L, 5L, 6L, 8L);
        assertThat(records.get(4).fields()[1]).isEqualTo("Tailspin Toys, Europe\n(Lyon office)");
        assertThat(records.get(5).fields()[0]).isEqualTo("nul");
    }

    @Test
    void theBomFileOfTheSampleData() throws IOException {
        Path p = Path.of("sample-data/bad/usage-bom-crlf.csv");
        try (CsvRecordSource source = new CsvRecordSource(p)) {
            assertThat(source.header().indexOf("UsageDate")).isZero();
            assertThat(source.next().rawLine()).startsWith("2026-10-10T11:00:00Z,tailspin,").doesNotContain("\r");
        }
    }

    @Test
    void linesWithoutQuotesSplitAsOpencsvSplitsThem() throws Exception {
        for (String line : List.of("a", "a,b", ",", ",,", "a,,b,", " a , b ", ",x", "x,", "\t,\\,'", "a;b,c d,\u00e9")) {
            com.opencsv.RFC4180Parser parser = new com.opencsv.RFC4180ParserBuilder().build();
            assertThat(CsvRecordSource.splitPlain(line)).as(line).containsExactly(parser.parseLineMulti(line));
        }
    }

    @Test
    void quotedLinesSplitAsOpencsvSplitsThemOrAreLeftToIt() throws Exception {
        for (String line : List.of("\"a\"", "\"a,b\",c", "x,\"{\"\"ServiceType\"\":\"\"D2\"\"}\",y", "\"\",\"\"", ",\"\"\"\",",
                "\"a\"\"\",\"b\"", "a,\"\"")) {
            com.opencsv.RFC4180Parser parser = new com.opencsv.RFC4180ParserBuilder().build();
            assertThat(CsvRecordSource.splitQuoted(line)).as(line).containsExactly(parser.parseLineMulti(line));
        }
        for (String line : List.of("a\"b,c", "\"a\"b,c", "\"open,", "x,\"a\" ,y", "\"a\",b\"c,d", "\"a\",b,c\"d",
                "\"a\",b,\"c\",d\"")) {
            assertThat(CsvRecordSource.splitQuoted(line)).as(line).isNull();
        }
    }

    /** Random lines of commas, quotes and letters: whatever the hand split accepts, it splits as opencsv does. */
    @Test
    void randomQuotedLinesSplitAsOpencsvSplitsThemOrAreLeftToIt() throws Exception {
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = {'a', 'b', ',', '"', ' '};
        int accepted = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder(random.nextBoolean() ? "\"" : "");
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                line.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String[] fields = CsvRecordSource.splitQuoted(line.toString());
            if (fields != null) {
                accepted++;
                com.opencsv.RFC4180Parser parser = new com.opencsv.RFC4180ParserBuilder().build();
                assertThat(fields).as(line.toString()).containsExactly(parser.parseLineMulti(line.toString()));
            }
        }
        assertThat(accepted).as("lines the hand split took").isGreaterThan(1_000);
    }
}
