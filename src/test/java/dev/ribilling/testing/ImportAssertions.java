package dev.ribilling.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads what an import reports: the per-file counts of last-run.json and the rejects files. */
public final class ImportAssertions {

    private ImportAssertions() {
    }

    /** One row of a rejects file. */
    public record Reject(long line, String reason, String rawLine) {
    }

    /** The entry of last-run.json's files for a file name. */
    public static JsonNode file(JsonNode lastRun, String name) {
        for (JsonNode f : lastRun.get("files")) {
            if (Path.of(f.get("path").asText()).getFileName().toString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no file " + name + " in " + lastRun);
    }

    public static void assertCounts(JsonNode lastRun, String name, long read, long loaded, long rejected, long duplicate,
            long skipped) {
        JsonNode f = file(lastRun, name);
        String counts = name + " read/loaded/rejected/duplicate/skipped";
        assertThat(new long[] {f.get("rowsRead").asLong(), f.get("rowsLoaded").asLong(), f.get("rowsRejected").asLong(),
                f.get("rowsDuplicate").asLong(), f.get("rowsSkipped").asLong()}).as(counts)
                .containsExactly(read, loaded, rejected, duplicate, skipped);
    }

    /** Every file's rowsRead = loaded + rejected + duplicate + skipped (contract section 5). */
    public static void assertCountsAddUp(JsonNode lastRun) {
        for (JsonNode f : lastRun.get("files")) {
            assertThat(f.get("rowsRead").asLong()).as("rowsRead of " + f.get("path"))
                    .isEqualTo(f.get("rowsLoaded").asLong() + f.get("rowsRejected").asLong()
                            + f.get("rowsDuplicate").asLong() + f.get("rowsSkipped").asLong());
        }
    }

    /** The rejects file of an input file, named by the file's SHA-256 as last-run.json reports it. */
    public static Path rejectsFile(Path out, JsonNode lastRun, String name) {
        String sha = file(lastRun, name).get("sha256").asText();
        return out.resolve("rejects").resolve(name + "." + sha.substring(0, 12) + ".rejects.csv");
    }

    /** LineNumber to row of a rejects file, read back as CSV; checks the header. */
    public static Map<Long, Reject> rejects(Path rejectsFile) throws IOException {
        Map<Long, Reject> rows = new LinkedHashMap<>();
        try (CSVReader reader = new CSVReader(Files.newBufferedReader(rejectsFile))) {
            assertThat(reader.readNext()).containsExactly("LineNumber", "Reason", "RawLine");
            String[] row;
            while ((row = reader.readNext()) != null) {
                Reject previous = rows.put(Long.parseLong(row[0]), new Reject(Long.parseLong(row[0]), row[1], row[2]));
                assertThat(previous).as("line " + row[0] + " rejected twice").isNull();
            }
        } catch (com.opencsv.exceptions.CsvValidationException e) {
            throw new IOException(e);
        }
        return rows;
    }
}
