package dev.ribilling.ingest;

import java.util.function.BiFunction;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Parses and validates one record of a kind. A bad row becomes a rejected item (never an exception that would
 * stop the step); the parsers for a file are built once, when its first record arrives.
 */
public class ImportRowProcessor<T> implements ItemProcessor<ImportItem, ParsedItem<T>> {

    /** How a kind turns validated fields into its row: returns the row, or throws RowRejectedException. */
    public interface RowParser<T> {
        T parse(FieldReader fields);

        /** Null when the row is used; otherwise why it is skipped. */
        default String skipReason(FieldReader fields) {
            return null;
        }
    }

    private final BiFunction<Header, InputFile, RowParser<T>> parserFactory;
    private long parserFileId = -1;
    private RowParser<T> parser;
    private FieldReader fields;

    public ImportRowProcessor(BiFunction<Header, InputFile, RowParser<T>> parserFactory) {
        this.parserFactory = parserFactory;
    }

    @Override
    public ParsedItem<T> process(ImportItem item) {
        if (item.fileId() != parserFileId) {
            parser = parserFactory.apply(item.header(), item.file());
            fields = new FieldReader(item.header());
            parserFileId = item.fileId();
        }
        fields.on(item.record());
        try {
            String skip = parser.skipReason(fields);
            if (skip != null) {
                return ParsedItem.skipped(item, skip);
            }
            return ParsedItem.loaded(item, parser.parse(fields));
        } catch (RowRejectedException e) {
            return ParsedItem.rejected(item, e.reason(), e.getMessage());
        }
    }

    public static <T> ImportRowProcessor<T> of(java.util.function.Function<FieldReader, T> parse) {
        return new ImportRowProcessor<>((header, file) -> parse::apply);
    }
}
