package dev.ribilling.ingest;

/**
 * The outcome of parsing one record: a value to load, a rejection with its reason, or a skip (a row that is
 * deliberately not used, such as a Windows price or a cost-export purchase row).
 */
public record ParsedItem<T>(ImportItem item, T value, RejectReason rejectReason, String message) {

    public static <T> ParsedItem<T> loaded(ImportItem item, T value) {
        return new ParsedItem<>(item, value, null, null);
    }

    public static <T> ParsedItem<T> rejected(ImportItem item, RejectReason reason, String message) {
        return new ParsedItem<>(item, null, reason, message);
    }

    public static <T> ParsedItem<T> skipped(ImportItem item, String why) {
        return new ParsedItem<>(item, null, null, why);
    }

    /**
     * The same outcome without the record's split fields, which nothing reads once a value is parsed (a rejects entry
     * needs the raw line and its number): parsed rows waiting for the writer take half the memory, and the young
     * collections that copy them half the time.
     */
    public ParsedItem<T> withoutFields() {
        SourceRecord record = item.record();
        if (value == null || record.fields() == null) {
            return this;
        }
        return new ParsedItem<>(new ImportItem(item.file(), item.fileId(), item.header(),
                new SourceRecord(record.lineNumber(), record.rawLine(), null)), value, null, message);
    }

    public boolean isRejected() {
        return rejectReason != null;
    }

    public boolean isSkipped() {
        return value == null && rejectReason == null;
    }
}
