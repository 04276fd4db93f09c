package dev.ribilling.reporting;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * JDBC helpers of the report job: a template whose result sets really stream (MySQL Connector/J reads a whole
 * result set into memory unless the fetch size is {@link Integer#MIN_VALUE}; H2 pages by itself), and a lazy
 * "fold consecutive rows of one key" over a sorted stream, so a sheet can be aggregated per customer while the
 * rows stream in.
 *
 * <p>A MySQL connection streams one result set at a time, and the report step runs in one transaction on one
 * connection: a stream from {@link #streaming()} must be consumed and closed before the next query runs. The
 * row sources are opened one at a time by the writer, and per-customer work that queries is done between, never
 * inside, streamed rows.
 */
final class ReportJdbc {

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    ReportJdbc(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        streaming.setFetchSize(isMySql(jdbc.getDataSource()) ? Integer.MIN_VALUE : 1000);
    }

    JdbcTemplate plain() {
        return jdbc;
    }

    /** For {@code queryForStream} of large sheets. */
    JdbcTemplate streaming() {
        return streaming;
    }

    private static boolean isMySql(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
            String driver = meta.getDriverName().toLowerCase(Locale.ROOT);
            return (product.contains("mysql") || product.contains("mariadb")) && driver.contains("mysql");
        } catch (java.sql.SQLException e) {
            return false;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Folds each run of consecutive rows with the same key into an accumulator and emits what the accumulator
     * gives, lazily: only one group is held at a time. The source must be sorted by the key.
     */
    static <T, K, A, R> Stream<R> foldGroups(Stream<T> sorted, Function<T, K> key, Supplier<A> newGroup,
            BiConsumer<A, T> add, Function<A, Stream<R>> emit) {
        Iterator<T> rows = sorted.iterator();
        Iterator<Stream<R>> groups = new Iterator<>() {
            T pending;

            @Override
            public boolean hasNext() {
                return pending != null || rows.hasNext();
            }

            @Override
            public Stream<R> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T first = pending != null ? pending : rows.next();
                pending = null;
                K groupKey = key.apply(first);
                A group = newGroup.get();
                add.accept(group, first);
                while (rows.hasNext()) {
                    T row = rows.next();
                    if (!Objects.equals(key.apply(row), groupKey)) {
                        pending = row;
                        break;
                    }
                    add.accept(group, row);
                }
                return emit.apply(group);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(groups, Spliterator.ORDERED), false)
                .flatMap(Function.identity()).onClose(sorted::close);
    }
}
