package dev.ribilling.matching;

import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mutable per-reservation working state of one engine call. */
final class ReservationState {

    private static final BigDecimal NANOS_PER_HOUR = BigDecimal.valueOf(Duration.ofHours(1).toNanos());

    final Reservation reservation;
    final String id;
    /** Quantity × Ratio(SkuName): capacity of a fully active hour. */
    final BigDecimal unitsPerHour;
    /** ISF group in normal form when the reservation matches by group, null when it matches its SKU only. */
    final String matchGroup;
    /** The rows of the current slot this reservation may cover, in usage id order (rebuilt per slot). */
    final List<RowState> candidates = new ArrayList<>();
    BigDecimal dayCapacity = BigDecimal.ZERO;
    BigDecimal usedByHourlyRows = BigDecimal.ZERO;
    BigDecimal usedByDailyRows = BigDecimal.ZERO;

    ReservationState(Reservation reservation, IsfTable isf) {
        this.reservation = reservation;
        this.id = reservation.reservationId();
        IsfTable.Sizing sizing = isf.sizing(reservation.skuName());
        this.unitsPerHour = reservation.quantity().multiply(sizing.ratio());
        // Flexibility On matches the whole ISF group; a SKU missing from the table matches only itself.
        this.matchGroup = reservation.instanceFlexibility() ? sizing.group() : null;
    }

    /** Whether this reservation may cover a row of its own kind (SKU or group) and region: eligibility and scope. */
    boolean admits(UsageRow row) {
        return row.eligibility().allows(reservation.instanceFlexibility())
                && reservation.scopeIncludes(row.subscriptionId(), row.resourceGroup());
    }

    /** Whether the reservation's region and SKU (or ISF group when flexible) fit a VM size and region. */
    boolean sameKindAndRegion(String vmSize, String rowGroup, String region) {
        boolean sameKind = matchGroup != null ? matchGroup.equals(rowGroup) : reservation.skuName().equals(vmSize);
        return sameKind && reservation.region().equals(region);
    }

    /**
     * Capacity in the hour starting at {@code hourStart}: units per hour × the exact active fraction of that
     * hour, active from BenefitStart (inclusive) to the earlier of Expiry and CancelledAt (exclusive).
     */
    BigDecimal capacityInHour(Instant hourStart) {
        Instant hourEnd = hourStart.plusSeconds(3600);
        Instant from = reservation.benefitStart();
        Instant until = reservation.activeUntil();
        if (!from.isAfter(hourStart) && !until.isBefore(hourEnd)) {
            return unitsPerHour;
        }
        Instant start = from.isAfter(hourStart) ? from : hourStart;
        Instant end = until.isBefore(hourEnd) ? until : hourEnd;
        if (!end.isAfter(start)) {
            return BigDecimal.ZERO;
        }
        BigDecimal fraction = BigDecimal.valueOf(Duration.between(start, end).toNanos())
                .divide(NANOS_PER_HOUR, Money.MATH);
        return unitsPerHour.multiply(fraction, Money.MATH);
    }

    BigDecimal usedUnits() {
        return usedByHourlyRows.add(usedByDailyRows);
    }

    BigDecimal dayLeftover() {
        return dayCapacity.subtract(usedByHourlyRows);
    }
}
