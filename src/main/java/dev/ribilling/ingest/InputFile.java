package dev.ribilling.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A recognised input file and its kind. */
public record InputFile(Path path, InputKind kind) {

    public String fileName() {
        return path.getFileName().toString();
    }

    /**
     * The digests computed in this JVM, by path, with the file version they were computed for: the pre-import check
     * computes a file's digest while it reads the file through (see {@link InputScanner}), and the import that
     * follows (and the nightly job's checks) must not read it again.
     */
    private static final Map<Path, Digest> DIGESTS = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 10_000;

    /**
     * A file version: size, modification time, inode and change time. The change time (ctime) is set by the kernel
     * on every write and no tool can set it back, unlike the modification time ({@code cp -p}, {@code touch -r},
     * {@code rsync -t}): a file rewritten in place with the same size and mtime is still a new version. Where the
     * file system has no ctime (Windows), nothing is remembered.
     */
    private record Version(long size, FileTime modified, Object fileKey, Object changed) {
    }

    private record Digest(Version version, String sha256) {
    }

    /**
     * SHA-256 of the file's bytes, in lower-case hex: the file's identity for "import once". Computed once per file
     * version in a JVM (see {@link Version}).
     */
    public String sha256() {
        Version before = version();
        Digest known = DIGESTS.get(path);
        if (before != null && known != null && known.version().equals(before)) {
            return known.sha256();
        }
        String sha256 = digest();
        if (before != null && before.equals(version())) { // not changed while it was read
            if (DIGESTS.size() >= MAX_REMEMBERED) {
                DIGESTS.clear();
            }
            DIGESTS.put(path, new Digest(before, sha256));
        }
        return sha256;
    }

    /** Forgets every digest computed so far: the next {@link #sha256()} of each file reads it again. */
    public static void forgetDigests() {
        DIGESTS.clear();
    }

    /** The file's version, or null where the file system cannot tell one (no change time). */
    private Version version() {
        try {
            Map<String, Object> unix = Files.readAttributes(path, "unix:size,lastModifiedTime,ino,ctime");
            return new Version((Long) unix.get("size"), (FileTime) unix.get("lastModifiedTime"), unix.get("ino"),
                    unix.get("ctime"));
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return null;
        } catch (IOException e) {
            throw InvalidInputException.unreadable(fileName(), e);
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
            throw InvalidInputException.unreadable(fileName(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
