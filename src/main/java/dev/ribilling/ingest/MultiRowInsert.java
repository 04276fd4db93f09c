package dev.ribilling.ingest;

/**
 * How the usage import inserts many rows into H2: H2 runs a JDBC batch as one command execution per row (and,
 * with generated keys, one key result per row), but one {@code INSERT ... VALUES (...),(...)} of many rows as one
 * execution. The rows go in groups of a few fixed sizes (64, 16, 4, 1), so that a chunk parses at most four
 * distinct statements per table whatever its number of new rows.
 */
final class MultiRowInsert {

    private static final int[] GROUP_SIZES = {64, 16, 4, 1};

    private MultiRowInsert() {
    }

    /** The number of rows of the next statement, when {@code left} rows remain. */
    static int nextGroup(int left) {
        for (int size : GROUP_SIZES) {
            if (size <= left) {
                return size;
            }
        }
        return 1;
    }

    /** {@code insertInto} (ending with "VALUES ") followed by {@code rows} copies of {@code oneRow}. */
    static String sql(String insertInto, String oneRow, int rows) {
        return insertInto + String.join(",", java.util.Collections.nCopies(rows, oneRow));
    }
}
