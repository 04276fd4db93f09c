package dev.ribilling.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's SHA-256, its identity for "import once": remembered per file version, never across a rewrite. */
class InputFileTests {

    @TempDir
    Path dir;

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theDigestIsOfTheBytes() throws Exception {
        Path p = Files.writeString(dir.resolve("usage-a.csv"), "UsageDate,CustomerId\n");
        InputFile file = new InputFile(p, InputKind.USAGE);

        assertThat(file.sha256()).isEqualTo(sha256("UsageDate,CustomerId\n"));
        assertThat(file.sha256()).as("remembered, the same").isEqualTo(sha256("UsageDate,CustomerId\n"));
    }

    @Test
    void aFileRewrittenInPlaceWithTheSameSizeAndModificationTimeIsReadAgain() throws Exception {
        Path p = Files.writeString(dir.resolve("usage-b.csv"), "UsageDate,CustomerId\nA\n");
        FileTime modified = Files.getLastModifiedTime(p);
        InputFile file = new InputFile(p, InputKind.USAGE);
        assertThat(file.sha256()).isEqualTo(sha256("UsageDate,CustomerId\nA\n"));

        Thread.sleep(30); // past the kernel's clock tick, which stamps the change time
        // As cp -p or rsync -t over the old file would: same size, the old modification time put back.
        Files.writeString(p, "UsageDate,CustomerId\nB\n");
        Files.setLastModifiedTime(p, modified);

        assertThat(new InputFile(p, InputKind.USAGE).sha256()).isEqualTo(sha256("UsageDate,CustomerId\nB\n"));
    }

    @Test
    void forgottenDigestsAreComputedAgain() throws Exception {
        Path p = Files.writeString(dir.resolve("usage-c.csv"), "UsageDate,CustomerId\nC\n");
        String first = new InputFile(p, InputKind.USAGE).sha256();

        InputFile.forgetDigests();

        assertThat(new InputFile(p, InputKind.USAGE).sha256()).isEqualTo(first);
    }
}
