package dev.ribilling.ingest;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reservations. The partner of record (ResellerId, blank = the customer's reseller) and the reservation markup
 * are frozen when the reservation is first loaded, as in Partner Center where neither changes after purchase.
 */
public class ReservationTable extends KeyedTable<ReservationRow> {

    private final java.util.List<NewReservationCheck> checks;

    public ReservationTable(JdbcTemplate jdbc) {
        this(jdbc, java.util.List.of());
    }

    public ReservationTable(JdbcTemplate jdbc, java.util.List<NewReservationCheck> checks) {
        super(jdbc);
        this.checks = checks;
    }

    @Override
    public InputKind kind() {
        return InputKind.RESERVATIONS;
    }

    @Override
    public String naturalKey(ReservationRow row) {
        return row.reservationId();
    }

    @Override
    public RowValues values(ReservationRow row) {
        return row.values();
    }

    @Override
    public Stored find(ReservationRow row) {
        return findOne("SELECT row_values, file_id, line_number FROM reservation WHERE reservation_id = ?",
                row.reservationId());
    }

    @Override
    public void checkNew(ReservationRow r) {
        customer(r.customerId());
        Integer known = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM isf_ratio WHERE arm_sku_name = ?) "
                + "+ (SELECT COUNT(*) FROM price WHERE arm_sku_name = ?)", Integer.class, r.skuName(), r.skuName());
        if (known == 0) {
            throw new RowRejectedException(RejectReason.UNKNOWN_SKU, "SkuName '" + r.skuName()
                    + "' is found in neither the instance size flexibility table nor the price sheet");
        }
        for (NewReservationCheck check : checks) {
            check.check(r);
        }
    }

    private Map<String, Object> customer(String customerId) {
        // Compared exactly in Java: MySQL's default collation would find 'acme' for 'ACME' where H2 does not.
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT customer_id, reseller_id, reservation_markup_pct "
                + "FROM customer WHERE customer_id = ?", customerId).stream()
                .filter(c -> customerId.equals(c.get("customer_id"))).toList();
        if (rows.isEmpty()) {
            throw new RowRejectedException(RejectReason.UNKNOWN_CUSTOMER,
                    "CustomerId '" + customerId + "' is not a known customer (load it in a customers file first)");
        }
        return rows.get(0);
    }

    @Override
    public void checkChange(ReservationRow row, Stored stored, List<String> changedNames) {
        List<String> forbidden = new ArrayList<>(changedNames);
        forbidden.removeAll(ReservationRow.MUTABLE);
        if (!forbidden.isEmpty()) {
            throw new RowRejectedException(RejectReason.CHANGE_AFTER_PURCHASE, "reservation " + row.reservationId()
                    + ": " + String.join(", ", forbidden) + " cannot change after purchase (only Status, CancelledAt, "
                    + "Expiry, the scope fields and InstanceFlexibility can)");
        }
    }

    @Override
    public void insert(ReservationRow r, String rowValues, long fileId, long line, Instant now) {
        Map<String, Object> customer = customer(r.customerId());
        String reseller = r.resellerId() != null ? r.resellerId() : (String) customer.get("reseller_id");
        BigDecimal markup = (BigDecimal) customer.get("reservation_markup_pct");
        jdbc.update("INSERT INTO reservation (reservation_id, reservation_order_id, customer_id, sku_name, sku_display, region, quantity, "
                + "term, billing_plan, scope_type, scope_subscription_id, scope_resource_group, instance_flexibility, "
                + "benefit_start, expiry, total_price, pricing_currency, status, cancelled_at, exchanged_from, reseller_id, "
                + "reservation_markup_pct, first_loaded_at, row_values, file_id, line_number) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", r.reservationId(), r.reservationOrderId(),
                r.customerId(), r.skuName(), r.skuDisplay(), r.region(), r.quantity(), r.term(), r.billingPlan(), r.scopeType(),
                r.scopeSubscriptionId(), r.scopeResourceGroup(), r.instanceFlexibility(), Timestamp.from(r.benefitStart()),
                Timestamp.from(r.expiry()), r.totalPrice(), r.pricingCurrency().getCurrencyCode(), r.status(),
                r.cancelledAt() == null ? null : Timestamp.from(r.cancelledAt()), r.exchangedFrom(), reseller, markup,
                Timestamp.from(now), rowValues, fileId, line);
    }

    @Override
    public void update(ReservationRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("UPDATE reservation SET status = ?, cancelled_at = ?, expiry = ?, scope_type = ?, "
                + "scope_subscription_id = ?, scope_resource_group = ?, instance_flexibility = ?, row_values = ?, "
                + "file_id = ?, line_number = ? WHERE reservation_id = ?", r.status(),
                r.cancelledAt() == null ? null : Timestamp.from(r.cancelledAt()), Timestamp.from(r.expiry()),
                r.scopeType(), r.scopeSubscriptionId(), r.scopeResourceGroup(), r.instanceFlexibility(), rowValues,
                fileId, line, r.reservationId());
    }
}
