package dev.ribilling.reporting;

import java.util.Collection;
import java.util.stream.Stream;

/**
 * Rows of one sheet, opened only when that sheet is written and closed right after. Opening lazily matters for
 * the report job: a JDBC-backed stream holds a result set, and a MySQL connection can stream only one result set
 * at a time, so the sheets must not all be opened up front.
 */
@FunctionalInterface
public interface RowSource<T> {

    /** A new stream of the rows in sheet order; the writer closes it. */
    Stream<T> open();

    /** Rows already in memory (small sheets, tests). */
    static <T> RowSource<T> of(Collection<T> rows) {
        return rows::stream;
    }

    static <T> RowSource<T> empty() {
        return Stream::empty;
    }
}
