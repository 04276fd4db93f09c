package dev.ribilling.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The usage file's output: rows are assembled from pre-encoded byte fragments into one large buffer, with no
 * per-row String, formatting or locking, which is what lets millions of rows a second reach the disk.
 */
final class ByteRowSink implements Closeable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private long bytesWritten;

    ByteRowSink(Path file) {
        try {
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void put(byte[] fragment) {
        int length = fragment.length;
        if (position + length > buffer.length) {
            drain();
            if (length > buffer.length) {
                write(fragment, length);
                return;
            }
        }
        System.arraycopy(fragment, 0, buffer, position, length);
        position += length;
    }

    long bytesWritten() {
        return bytesWritten + position;
    }

    private void drain() {
        write(buffer, position);
        position = 0;
    }

    private void write(byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
            bytesWritten += length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        drain();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
