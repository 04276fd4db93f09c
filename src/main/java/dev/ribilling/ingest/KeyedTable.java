package dev.ribilling.ingest;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How one keyed input kind (customers, reservations, prices, isf, fx rates, partner invoice) is stored: found by
 * its natural key, inserted, or replaced by a changed version. Each implementation owns its table's SQL.
 */
public abstract class KeyedTable<T> {

    protected final JdbcTemplate jdbc;

    protected KeyedTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored version of a key: canonical values and where they came from. */
    public record Stored(String rowValues, long fileId, long line) {
    }

    public abstract InputKind kind();

    public abstract String naturalKey(T row);

    public abstract RowValues values(T row);

    public abstract Stored find(T row);

    public abstract void insert(T row, String rowValues, long fileId, long line, Instant now);

    public abstract void update(T row, String rowValues, long fileId, long line, Instant now);

    /** Checks a new row against data loaded before (unknown customer, unknown SKU); throws RowRejectedException. */
    public void checkNew(T row) {
    }

    /** Checks a changed row against its stored version; throws RowRejectedException for a forbidden change. */
    public void checkChange(T row, Stored stored, List<String> changedNames) {
    }

    protected Stored findOne(String sql, Object... key) {
        List<Stored> found = jdbc.query(sql, (rs, n) -> new Stored(rs.getString(1), rs.getLong(2), rs.getLong(3)), key);
        return found.isEmpty() ? null : found.get(0);
    }
}
