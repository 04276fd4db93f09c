package dev.ribilling.invoicing;

import dev.ribilling.billing.Identifiers;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * The revision key of a line (contract section 4): bill-to party, LineType, ReservationId,
 * SubscriptionId, SkuName or MeterCategory, Region, PricingModel, and the charge date for reservation
 * lines. Values are kept as first seen for display; equality and order use the contract's normal forms
 * (identifiers case-insensitive, regions without spaces, PricingModel also without spaces per domain Q14),
 * so "On Demand" and "OnDemand" rows fall on the same line.
 */
public record LineKey(BillTo billTo, InvoiceLineType type, String reservationId, String subscriptionId,
        String skuName, String region, String pricingModel, LocalDate chargeDate) implements Comparable<LineKey> {

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<LineKey> ORDER = Comparator.comparing(LineKey::billTo)
            .thenComparing(LineKey::type)
            .thenComparing(LineKey::chargeDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(k -> Identifiers.key(k.reservationId), TEXT)
            .thenComparing(k -> Identifiers.key(k.subscriptionId), TEXT)
            .thenComparing(k -> Identifiers.key(k.skuName), TEXT)
            .thenComparing(k -> Identifiers.region(k.region), TEXT)
            .thenComparing(k -> model(k.pricingModel), TEXT);

    public LineKey {
        Objects.requireNonNull(billTo, "billTo");
        Objects.requireNonNull(type, "type");
        if (type == InvoiceLineType.Adjustment) {
            // An Adjustment line points at the key it adjusts; a key of type Adjustment would be meaningless.
            throw new IllegalArgumentException("a line key names the adjusted line type, not Adjustment");
        }
        if (type.isReservationLine() != (chargeDate != null)) {
            throw new IllegalArgumentException("reservation lines, and only they, have a charge date: " + type);
        }
    }

    static LineKey reservation(ReservationCharge charge) {
        ReservationTerms r = charge.reservation();
        return new LineKey(r.partnerOfRecord(), charge.type(), r.reservationId(), null, r.sku(), r.region(), null,
                charge.chargeDate());
    }

    static LineKey usage(InvoiceLineType type, BillTo billTo, UsageCharge row) {
        // SoftwareUsage is one line per subscription, VM size and region: PricingModel is not part of it.
        String model = type == InvoiceLineType.PaygUsage ? row.pricingModel() : null;
        return new LineKey(billTo, type, null, row.subscriptionId(), row.skuOrMeterCategory(), row.region(), model, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LineKey k && compareTo(k) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(billTo, type, chargeDate, Identifiers.key(reservationId), Identifiers.key(subscriptionId),
                Identifiers.key(skuName), Identifiers.region(region), model(pricingModel));
    }

    @Override
    public int compareTo(LineKey other) {
        return ORDER.compare(this, other);
    }

    /** Lower case without white space: the region normal form serves PricingModel too ("On Demand" = "ondemand"). */
    private static String model(String pricingModel) {
        return Identifiers.region(pricingModel);
    }
}
