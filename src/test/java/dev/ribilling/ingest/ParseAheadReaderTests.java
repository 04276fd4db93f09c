package dev.ribilling.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The parse-ahead reader hands records over in file order, saves the position of the last record handed over (not
 * of the records parsed ahead), resumes from it after a restart, and throws a reading failure to the step.
 */
class ParseAheadReaderTests {

    private static final String STEP = "importFxRatesStep";

    @TempDir
    Path dir;

    /** Registers files in memory: the reader's database side is not what these tests are about. */
    private static final class MemoryStore extends ImportStore {
        private final Map<String, Long> ids = new ConcurrentHashMap<>();

        MemoryStore() {
            super(null);
        }

        @Override
        public long registerFile(String sha256, InputKind kind, String fileName, String path, java.time.Instant now) {
            return ids.computeIfAbsent(sha256, k -> (long) ids.size() + 1);
        }

        @Override
        public void startStats(long jobInstanceId, long fileId, String path, InputKind kind) {
        }
    }

    private List<InputFile> files(int count, int rows) throws Exception {
        List<InputFile> files = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            StringBuilder csv = new StringBuilder("Date,FromCurrency,ToCurrency,Rate\n");
            for (int r = 0; r < rows; r++) {
                csv.append("2026-10-01,f").append(f).append("-r").append(r).append(",EUR,").append(r).append('\n');
            }
            Path file = dir.resolve("fx-rates-" + f + ".csv");
            Files.writeString(file, csv);
            files.add(new InputFile(file, InputKind.FX_RATES));
        }
        return files;
    }

    private ParseAheadReader<String> reader(List<InputFile> files, int ahead) {
        ImportFileReader source = new ImportFileReader(STEP, files, new MemoryStore(), 1L, Clock.systemUTC());
        ImportRowProcessor<String> parser = ImportRowProcessor.of(fields -> {
            String label = fields.required("FromCurrency");
            if (label.endsWith("-r3")) {
                throw new RowRejectedException(RejectReason.MALFORMED_FIELD, "row 3 is bad");
            }
            return label;
        });
        return new ParseAheadReader<>(STEP, source, parser, ahead);
    }

    private static String label(ParsedItem<String> item) {
        return item.isRejected() ? "rejected:" + item.item().record().lineNumber() : item.value();
    }

    @Test
    void handsOverEveryRecordOfEveryFileInOrderWithItsOutcome() throws Exception {
        ParseAheadReader<String> reader = reader(files(3, 50), 4);
        reader.open(new ExecutionContext());
        List<String> seen = new ArrayList<>();
        for (ParsedItem<String> item = reader.read(); item != null; item = reader.read()) {
            seen.add(label(item));
        }
        reader.close();

        assertThat(seen).hasSize(150);
        assertThat(seen.subList(0, 5)).containsExactly("f0-r0", "f0-r1", "f0-r2", "rejected:5", "f0-r4");
        assertThat(seen.get(50)).isEqualTo("f1-r0");
        assertThat(seen.get(149)).isEqualTo("f2-r49");
        assertThat(reader.read()).as("stays at the end").isNull();
    }

    @Test
    void savesThePositionOfTheLastRecordHandedOverAndResumesAfterIt() throws Exception {
        List<InputFile> files = files(2, 30);
        ParseAheadReader<String> first = reader(files, 64);
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        for (int i = 0; i < 37; i++) {
            first.read();
        }
        Thread.sleep(100); // let the reading thread run ahead to the end of both files
        first.update(context);
        first.close();

        assertThat(context.getInt(STEP + ".fileIndex")).isEqualTo(1);
        assertThat(context.getLong(STEP + ".recordsDone")).isEqualTo(7);

        ParseAheadReader<String> restarted = reader(files, 64);
        restarted.open(context);
        List<String> rest = new ArrayList<>();
        for (ParsedItem<String> item = restarted.read(); item != null; item = restarted.read()) {
            rest.add(label(item));
        }
        restarted.close();
        assertThat(rest).hasSize(23);
        assertThat(rest.get(0)).isEqualTo("f1-r7");
    }

    @Test
    void aFileThatCannotBeReadFailsTheStepAtItsTurnAfterTheRecordsBeforeIt() throws Exception {
        List<InputFile> files = new ArrayList<>(files(1, 10));
        Path broken = dir.resolve("fx-rates-broken.csv");
        Files.writeString(broken, "Date,FromCurrency,ToCurrency\n2026-10-01,USD,EUR\n");
        files.add(new InputFile(broken, InputKind.FX_RATES));
        ParseAheadReader<String> reader = reader(files, 4);
        reader.open(new ExecutionContext());
        for (int i = 0; i < 10; i++) {
            assertThat(reader.read()).isNotNull();
        }
        assertThatThrownBy(reader::read).isInstanceOf(InvalidInputException.class).hasMessageContaining("Rate");
        reader.close();
    }

    @Test
    void closingBeforeTheEndStopsTheReadingThread() throws Exception {
        ParseAheadReader<String> reader = reader(files(1, 10_000), 8);
        reader.open(new ExecutionContext());
        reader.read();
        reader.close();
        Thread.sleep(50);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals(STEP + "-parse-ahead"));
    }
}
