package dev.ribilling.reporting;

/**
 * A row the import rejected, as listed in its rejects file (contract section 2).
 *
 * @param fileSha256 the SHA-256 of the input file (hex)
 * @param lineNumber physical line, the header being line 1 (for xlsx inputs, the sheet row)
 * @param rawLine the line as it was read; shown as text, never as a formula
 */
public record RejectedRowRef(String fileName, String fileSha256, long lineNumber, String reason, String rawLine) {
}
