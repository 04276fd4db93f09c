package dev.ribilling.ingest;

/**
 * One data record of an input file: its first physical line number (the header is line 1; for xlsx the sheet
 * row), the raw text as it stood in the file, and the parsed fields.
 */
public record SourceRecord(long lineNumber, String rawLine, String[] fields) {
}
