package dev.ribilling.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine decided for one customer-day. Lists are in canonical order: rows by usage id,
 * reservation hours by reservation order then hour, reservation days by reservation order.
 *
 * @param reservationOrder reservation ids in the order they are applied (scope, expiry, id)
 */
public record MatchResult(LocalDate date, List<RowResult> rows, List<ReservationHourResult> reservationHours,
        List<ReservationDayResult> reservationDays, List<String> reservationOrder) {

    public MatchResult {
        rows = List.copyOf(rows);
        reservationHours = List.copyOf(reservationHours);
        reservationDays = List.copyOf(reservationDays);
        reservationOrder = List.copyOf(reservationOrder);
    }

    /**
     * The explain view: every allocation, by slot (hours, then the daily slot), then in the order the
     * reservations were applied, then by usage id. Built on demand because only {@code explain} needs it.
     */
    public List<CoverageDetail> coverageDetails() {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < reservationOrder.size(); i++) {
            rank.put(reservationOrder.get(i), i);
        }
        List<CoverageDetail> details = new ArrayList<>();
        for (RowResult row : rows) {
            for (Allocation allocation : row.allocations()) {
                details.add(new CoverageDetail(row.slot(), allocation.reservationId(), row.usageId(), row.vmSize(),
                        row.ratio(), allocation.units(), allocation.hours()));
            }
        }
        details.sort(Comparator.comparing(CoverageDetail::slot)
                .thenComparing(detail -> rank.get(detail.reservationId()))
                .thenComparingLong(CoverageDetail::usageId));
        return details;
    }

    /**
     * {@link #coveredHoursByVmSize} of every reservation in one pass over the rows (a large customer-day has
     * many rows and many reservations: one pass per reservation would cost rows × reservations).
     */
    public Map<String, Map<String, BigDecimal>> coveredHoursByReservationAndVmSize() {
        Map<String, Map<String, BigDecimal>> hours = new HashMap<>();
        for (RowResult row : rows) {
            for (Allocation allocation : row.allocations()) {
                hours.computeIfAbsent(allocation.reservationId(), id -> new HashMap<>())
                        .merge(row.vmSize(), allocation.hours(), BigDecimal::add);
            }
        }
        return hours;
    }

    /** Covered VM hours per VM size for one reservation; the basis of its PAYG equivalent. */
    public Map<String, BigDecimal> coveredHoursByVmSize(String reservationId) {
        Map<String, BigDecimal> hours = new HashMap<>();
        for (RowResult row : rows) {
            for (Allocation allocation : row.allocations()) {
                if (allocation.reservationId().equals(reservationId)) {
                    hours.merge(row.vmSize(), allocation.hours(), BigDecimal::add);
                }
            }
        }
        return hours;
    }
}
