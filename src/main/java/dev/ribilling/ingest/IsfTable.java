package dev.ribilling.ingest;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Instance size flexibility ratios, keyed by ArmSkuName. Microsoft's table repeats some non-VM SKU names (storage
 * reserved capacity, one group per region): a later row replaces an earlier one, as for any changed key.
 */
public class IsfTable extends KeyedTable<IsfRow> {

    public IsfTable(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    public InputKind kind() {
        return InputKind.ISF;
    }

    @Override
    public String naturalKey(IsfRow row) {
        return row.armSkuName();
    }

    @Override
    public RowValues values(IsfRow row) {
        return row.values();
    }

    @Override
    public Stored find(IsfRow r) {
        return findOne("SELECT row_values, file_id, line_number FROM isf_ratio WHERE arm_sku_name = ?", r.armSkuName());
    }

    @Override
    public void insert(IsfRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("INSERT INTO isf_ratio (arm_sku_name, isf_group, ratio, row_values, file_id, line_number) "
                + "VALUES (?,?,?,?,?,?)", r.armSkuName(), r.group(), r.ratio(), rowValues, fileId, line);
    }

    @Override
    public void update(IsfRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("UPDATE isf_ratio SET isf_group = ?, ratio = ?, row_values = ?, file_id = ?, line_number = ? "
                + "WHERE arm_sku_name = ?", r.group(), r.ratio(), rowValues, fileId, line, r.armSkuName());
    }
}
