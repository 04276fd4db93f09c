package dev.ribilling.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Customers, with every version kept in customer_version (valid from the time it was loaded). */
public class CustomerTable extends KeyedTable<CustomerRow> {

    public CustomerTable(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    public InputKind kind() {
        return InputKind.CUSTOMERS;
    }

    @Override
    public String naturalKey(CustomerRow row) {
        return row.customerId();
    }

    @Override
    public RowValues values(CustomerRow row) {
        return row.values();
    }

    /**
     * Whether this exact CustomerId is loaded. Compared in Java: MySQL's default collation would find 'acme' for
     * 'ACME' where H2 does not, and every check of a CustomerId must agree on both.
     */
    public static boolean isLoaded(JdbcTemplate jdbc, String customerId) {
        return jdbc.queryForList("SELECT customer_id FROM customer WHERE customer_id = ?", String.class, customerId)
                .contains(customerId);
    }

    @Override
    public Stored find(CustomerRow row) {
        // CustomerIds are compared exactly (see README "Decisions"), but two that differ only in case would share a
        // customer folder on Windows and macOS, and MySQL's default collation takes them for one key: refused.
        List<String> variants = jdbc.queryForList("SELECT customer_id FROM customer WHERE LOWER(customer_id) = ?",
                String.class, row.customerId().toLowerCase(java.util.Locale.ROOT));
        // (A database loaded before this rule may hold two spellings: each keeps taking its own rows.)
        if (!variants.isEmpty() && !variants.contains(row.customerId())) {
            String loaded = variants.get(0);
            throw new RowRejectedException(RejectReason.UNSAFE_ID, "CustomerId '" + row.customerId()
                    + "' differs only in case from the loaded customer '" + loaded + "' (their folders would be one "
                    + "on Windows and macOS); write it as '" + loaded + "'");
        }
        return findOne("SELECT row_values, file_id, line_number FROM customer WHERE customer_id = ?", row.customerId());
    }

    @Override
    public void insert(CustomerRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("INSERT INTO customer (customer_id, customer_name, billing_currency, payg_markup_pct, "
                + "reservation_markup_pct, reseller_id, row_values, file_id, line_number, loaded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                r.customerId(), r.customerName(), r.billingCurrency().getCurrencyCode(), r.paygMarkupPct(),
                r.reservationMarkupPct(), r.resellerId(), rowValues, fileId, line, Timestamp.from(now));
        addVersion(r, now);
    }

    @Override
    public void update(CustomerRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("UPDATE customer SET customer_name = ?, billing_currency = ?, payg_markup_pct = ?, "
                + "reservation_markup_pct = ?, reseller_id = ?, row_values = ?, file_id = ?, line_number = ?, loaded_at = ? "
                + "WHERE customer_id = ?", r.customerName(), r.billingCurrency().getCurrencyCode(), r.paygMarkupPct(),
                r.reservationMarkupPct(), r.resellerId(), rowValues, fileId, line, Timestamp.from(now), r.customerId());
        addVersion(r, now);
    }

    private void addVersion(CustomerRow r, Instant now) {
        Integer last = jdbc.queryForObject("SELECT COALESCE(MAX(version_no), 0) FROM customer_version WHERE customer_id = ?",
                Integer.class, r.customerId());
        jdbc.update("INSERT INTO customer_version (customer_id, version_no, valid_from, billing_currency, payg_markup_pct, "
                + "reservation_markup_pct, reseller_id) VALUES (?,?,?,?,?,?,?)", r.customerId(), last + 1,
                Timestamp.from(now), r.billingCurrency().getCurrencyCode(), r.paygMarkupPct(), r.reservationMarkupPct(),
                r.resellerId());
    }
}
