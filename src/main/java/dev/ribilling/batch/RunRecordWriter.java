package dev.ribilling.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * Writes {@code <out>/last-run.json} and its copy {@code <out>/runs/<startedAt>-<command>.json}. Used on every
 * exit path, including a bad command line (exit code 2), so it needs no Spring context.
 */
public final class RunRecordWriter {

    private static final DateTimeFormatter RUN_FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunRecordWriter() {
    }

    public static void write(Path outDir, RunRecord record, Instant startedAt) throws IOException {
        Files.createDirectories(outDir.resolve("runs"));
        byte[] json = JSON.writeValueAsBytes(record);
        Path temp = outDir.resolve("last-run.json.tmp");
        Files.write(temp, json);
        Files.move(temp, outDir.resolve("last-run.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.write(outDir.resolve("runs").resolve(RUN_FILE_TIME.format(startedAt) + "-" + record.command() + ".json"), json);
    }

    /** The application version, from the build information Maven packs into the jar. */
    public static String version() {
        try (InputStream in = RunRecordWriter.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("build.version", "unknown");
            }
        } catch (IOException e) {
            // fall through: the version is informational
        }
        return "development";
    }
}
