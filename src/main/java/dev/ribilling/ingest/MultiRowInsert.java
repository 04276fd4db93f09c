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

    /**
     * Inserts the rows (each the values of {@code oneRow}'s parameters): on H2 as multi-row INSERTs in groups; on
     * MySQL and MariaDB as one JDBC batch, which rewriteBatchedStatements turns into multi-row INSERTs already.
     */
    static void insert(org.springframework.jdbc.core.JdbcTemplate jdbc, boolean h2, String insertInto, String oneRow,
            java.util.List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!h2) {
            jdbc.batchUpdate(insertInto + oneRow, rows);
            return;
        }
        int from = 0;
        while (from < rows.size()) {
            int size = nextGroup(rows.size() - from);
            int width = rows.get(from).length;
            Object[] args = new Object[size * width];
            for (int i = 0; i < size; i++) {
                System.arraycopy(rows.get(from + i), 0, args, i * width, width);
            }
            jdbc.update(sql(insertInto, oneRow, size), args);
            from += size;
        }
    }

    /** {@code insertInto} (ending with "VALUES ") followed by {@code rows} copies of {@code oneRow}. */
    static String sql(String insertInto, String oneRow, int rows) {
        return insertInto + String.join(",", java.util.Collections.nCopies(rows, oneRow));
    }
}
