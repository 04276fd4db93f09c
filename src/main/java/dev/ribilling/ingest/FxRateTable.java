package dev.ribilling.ingest;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Exchange rates, keyed by (Date, FromCurrency, ToCurrency). */
public class FxRateTable extends KeyedTable<FxRateRow> {

    public FxRateTable(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    public InputKind kind() {
        return InputKind.FX_RATES;
    }

    @Override
    public String naturalKey(FxRateRow row) {
        return row.key();
    }

    @Override
    public RowValues values(FxRateRow row) {
        return row.values();
    }

    @Override
    public Stored find(FxRateRow r) {
        return findOne("SELECT row_values, file_id, line_number FROM fx_rate WHERE rate_date = ? AND from_currency = ? "
                + "AND to_currency = ?", r.date(), r.from().getCurrencyCode(), r.to().getCurrencyCode());
    }

    @Override
    public void insert(FxRateRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("INSERT INTO fx_rate (rate_date, from_currency, to_currency, rate, row_values, file_id, line_number) "
                + "VALUES (?,?,?,?,?,?,?)", r.date(), r.from().getCurrencyCode(), r.to().getCurrencyCode(), r.rate(),
                rowValues, fileId, line);
    }

    @Override
    public void update(FxRateRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("UPDATE fx_rate SET rate = ?, row_values = ?, file_id = ?, line_number = ? WHERE rate_date = ? "
                + "AND from_currency = ? AND to_currency = ?", r.rate(), rowValues, fileId, line, r.date(),
                r.from().getCurrencyCode(), r.to().getCurrencyCode());
    }
}
