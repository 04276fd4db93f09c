package dev.ribilling.ingest;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Microsoft's invoice rows, keyed by (InvoiceNumber, ReservationOrderId, ChargeType, ChargeStartDate). */
public class PartnerInvoiceTable extends KeyedTable<PartnerInvoiceRow> {

    public PartnerInvoiceTable(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    public InputKind kind() {
        return InputKind.PARTNER_INVOICE;
    }

    @Override
    public String naturalKey(PartnerInvoiceRow row) {
        return row.key();
    }

    @Override
    public RowValues values(PartnerInvoiceRow row) {
        return row.values();
    }

    @Override
    public Stored find(PartnerInvoiceRow r) {
        return findOne("SELECT row_values, file_id, line_number FROM partner_invoice_row WHERE invoice_number = ? "
                + "AND reservation_order_id = ? AND charge_type = ? AND charge_start_date = ?", r.invoiceNumber(),
                r.reservationOrderId(), r.chargeType(), r.chargeStartDate());
    }

    @Override
    public void checkNew(PartnerInvoiceRow r) {
        if (!CustomerTable.isLoaded(jdbc, r.customerId())) {
            throw new RowRejectedException(RejectReason.UNKNOWN_CUSTOMER,
                    "CustomerId '" + r.customerId() + "' is not a known customer (load it in a customers file first)");
        }
    }

    /** A corrected row may name another customer: it must be a loaded one too. */
    @Override
    public void checkChange(PartnerInvoiceRow row, Stored stored, java.util.List<String> changedNames) {
        super.checkChange(row, stored, changedNames);
        checkNew(row);
    }

    @Override
    public void insert(PartnerInvoiceRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("INSERT INTO partner_invoice_row (invoice_number, customer_id, charge_type, reservation_order_id, "
                + "charge_start_date, charge_end_date, quantity, unit_price, subtotal, pricing_currency, pc_to_bc_rate, "
                + "currency, reseller_mpn_id, row_values, file_id, line_number) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.invoiceNumber(), r.customerId(), r.chargeType(), r.reservationOrderId(), r.chargeStartDate(),
                r.chargeEndDate(), r.quantity(), r.unitPrice(), r.subtotal(), r.pricingCurrency().getCurrencyCode(),
                r.pcToBcExchangeRate(), r.currency() == null ? null : r.currency().getCurrencyCode(), r.resellerMpnId(),
                rowValues, fileId, line);
    }

    @Override
    public void update(PartnerInvoiceRow r, String rowValues, long fileId, long line, Instant now) {
        jdbc.update("UPDATE partner_invoice_row SET customer_id = ?, charge_end_date = ?, quantity = ?, unit_price = ?, "
                + "subtotal = ?, pricing_currency = ?, pc_to_bc_rate = ?, currency = ?, reseller_mpn_id = ?, row_values = ?, "
                + "file_id = ?, line_number = ? WHERE invoice_number = ? AND reservation_order_id = ? AND charge_type = ? "
                + "AND charge_start_date = ?", r.customerId(), r.chargeEndDate(), r.quantity(), r.unitPrice(), r.subtotal(),
                r.pricingCurrency().getCurrencyCode(), r.pcToBcExchangeRate(),
                r.currency() == null ? null : r.currency().getCurrencyCode(), r.resellerMpnId(), rowValues, fileId, line,
                r.invoiceNumber(), r.reservationOrderId(), r.chargeType(), r.chargeStartDate());
    }
}
