package dev.ribilling.ingest;

import dev.ribilling.billing.Identifiers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

/**
 * A row of the Azure retail price sheet. Consumption rows are Linux compute prices per hour; Reservation rows
 * the price of one instance for the whole term. Rows that are not a Linux on-demand compute price (Spot, Low
 * Priority, DevTest, Windows) and other price types are skipped, counted, not rejected.
 */
public record PriceRow(String armSkuName, String region, String type, String reservationTerm, Currency currency,
        LocalDate effectiveStart, BigDecimal unitPrice, String meterName, String productName) {

    public static final String CONSUMPTION = "Consumption";
    public static final String RESERVATION = "Reservation";

    /** Returns null for a row that is skipped; the reason is in {@link #skipReason(FieldReader)}. */
    static PriceRow parse(FieldReader f) {
        String type = f.required("Type");
        String sku = Identifiers.key(f.required("ArmSkuName"));
        String region = Identifiers.region(f.required("ArmRegionName"));
        BigDecimal unitPrice = f.nonNegative("UnitPrice");
        Currency currency = f.currency("CurrencyCode");
        LocalDate effective = f.date("EffectiveStartDate");
        String canonicalType = type.equalsIgnoreCase(CONSUMPTION) ? CONSUMPTION : RESERVATION;
        String term = "";
        if (canonicalType.equals(RESERVATION)) {
            term = f.oneOf("ReservationTerm", null, "1 Year", "3 Years");
        }
        return new PriceRow(sku, region, canonicalType, term, currency, effective, unitPrice, f.text("MeterName"),
                f.text("ProductName"));
    }

    /** Why a price row is not used at all, or null when it is a usable Consumption or Reservation price. */
    static String skipReason(FieldReader f) {
        String type = f.text("Type");
        if (type == null) {
            return null;
        }
        if (!type.equalsIgnoreCase(CONSUMPTION) && !type.equalsIgnoreCase(RESERVATION)) {
            return "price type " + type + " is not used";
        }
        if (type.equalsIgnoreCase(CONSUMPTION)) {
            String names = ((f.text("MeterName") == null ? "" : f.text("MeterName")) + " "
                    + (f.text("ProductName") == null ? "" : f.text("ProductName"))).toLowerCase(Locale.ROOT);
            for (String word : new String[] {"spot", "low priority", "devtest", "windows"}) {
                if (names.contains(word)) {
                    return "not a Linux on-demand compute price (" + word + ")";
                }
            }
        }
        return null;
    }

    String key() {
        return armSkuName + "|" + region + "|" + type + "|" + reservationTerm + "|" + currency + "|" + effectiveStart;
    }

    RowValues values() {
        return new RowValues().put("ArmSkuName", armSkuName).put("ArmRegionName", region).put("Type", type)
                .put("ReservationTerm", reservationTerm).put("CurrencyCode", currency)
                .put("EffectiveStartDate", effectiveStart).put("UnitPrice", unitPrice).put("MeterName", meterName)
                .put("ProductName", productName);
    }
}
