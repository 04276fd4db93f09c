package dev.ribilling.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A recognised input file and its kind. */
public record InputFile(Path path, InputKind kind) {

    public String fileName() {
        return path.getFileName().toString();
    }

    /**
     * The digests computed in this JVM, by path, with the size, modification time and file key they were computed at:
     * the pre-import check computes a file's digest while it reads the file through (see {@link InputScanner}), and
     * the import that follows must not read it a second time.
     */
    private static final Map<Path, Digest> DIGESTS = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 10_000;

    private record Digest(long size, FileTime modified, Object fileKey, String sha256) {
        static Digest of(BasicFileAttributes a, String sha256) {
            return new Digest(a.size(), a.lastModifiedTime(), a.fileKey(), sha256);
        }

        boolean sameFileAs(BasicFileAttributes a) {
            return size == a.size() && modified.equals(a.lastModifiedTime()) && Objects.equals(fileKey, a.fileKey());
        }
    }

    /**
     * SHA-256 of the file's bytes, in lower-case hex: the file's identity for "import once". Computed once per file
     * version in a JVM: a file whose size, modification time or file key changed is read again.
     */
    public String sha256() {
        BasicFileAttributes before = attributes();
        Digest known = DIGESTS.get(path);
        if (known != null && known.sameFileAs(before)) {
            return known.sha256();
        }
        String sha256 = digest();
        if (Digest.of(before, sha256).sameFileAs(attributes())) { // not changed while it was read
            if (DIGESTS.size() >= MAX_REMEMBERED) {
                DIGESTS.clear();
            }
            DIGESTS.put(path, Digest.of(before, sha256));
        }
        return sha256;
    }

    private BasicFileAttributes attributes() {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new InvalidInputException(fileName() + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private String digest() {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new InvalidInputException(fileName() + ": cannot be read (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
