package dev.ribilling.ingest;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** The price sheet, keyed by (ArmSkuName, ArmRegionName, Type, ReservationTerm, CurrencyCode, EffectiveStartDate). */
public class PriceTable extends KeyedTable<PriceRow> {

    public PriceTable(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    public InputKind kind() {
        return InputKind.PRICES;
    }

    @Override
    public String naturalKey(PriceRow row) {
        return row.key();
    }

    @Override
    public RowValues values(PriceRow row) {
        return row.values();
    }

    @Override
    public Stored find(PriceRow r) {
        return findOne("SELECT row_values, file_id, line_number FROM price WHERE arm_sku_name = ? AND arm_region_name = ? "
                + "AND price_type = ? AND reservation_term = ? AND currency_code = ? AND effective_start = ?",
                r.armSkuName(), r.region(), r.type(), r.reservationTerm(), r.currency().getCurrencyCode(), r.effectiveStart());
    }

    @Override
    public void insert(PriceRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("INSERT INTO price (arm_sku_name, arm_region_name, price_type, reservation_term, currency_code, "
                + "effective_start, unit_price, meter_name, product_name, row_values, file_id, line_number) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", r.armSkuName(), r.region(), r.type(), r.reservationTerm(),
                r.currency().getCurrencyCode(), r.effectiveStart(), r.unitPrice(), r.meterName(), r.productName(),
                rowValues, fileId, line);
    }

    @Override
    public void update(PriceRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("UPDATE price SET unit_price = ?, meter_name = ?, product_name = ?, row_values = ?, file_id = ?, "
                + "line_number = ? WHERE arm_sku_name = ? AND arm_region_name = ? AND price_type = ? AND reservation_term = ? "
                + "AND currency_code = ? AND effective_start = ?", r.unitPrice(), r.meterName(), r.productName(), rowValues,
                fileId, line, r.armSkuName(), r.region(), r.type(), r.reservationTerm(), r.currency().getCurrencyCode(),
                r.effectiveStart());
    }
}
