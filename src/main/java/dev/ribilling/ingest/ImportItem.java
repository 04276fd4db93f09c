package dev.ribilling.ingest;

/** One record of one input file on its way through the import step. */
public record ImportItem(InputFile file, long fileId, Header header, SourceRecord record) {
}
