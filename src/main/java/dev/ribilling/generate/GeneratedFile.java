package dev.ribilling.generate;

import java.nio.file.Path;

/**
 * One file the generator wrote.
 *
 * @param kind the contract's file kind, which is also the file-name prefix ({@code usage}, {@code prices}, ...)
 * @param path where it was written
 * @param rows data rows, the header not counted
 * @param bytes file size
 */
public record GeneratedFile(String kind, Path path, long rows, long bytes) {
}
