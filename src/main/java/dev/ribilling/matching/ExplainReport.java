package dev.ribilling.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text a partner sends when an invoice line is disputed: for one reservation or one resource on one day,
 * hour by hour, which reservation covered how many units of which VM at which ratio, and what was left to PAYG.
 * Pure: it formats a {@link MatchResult} of the matching engine.
 */
public final class ExplainReport {

    private ExplainReport() {
    }

    public static List<String> forReservation(String reservationId, Reservation reservation, LocalDate date,
            MatchResult match, Collection<UsageRow> usage) {
        Map<Long, UsageRow> rows = byId(usage);
        List<String> lines = new ArrayList<>();
        lines.add("Reservation " + reservationId + " on " + date + " (UTC)");
        if (reservation != null) {
            lines.add("  " + reservation.skuName() + " x " + reservation.quantity().stripTrailingZeros().toPlainString()
                    + " in " + reservation.region() + ", scope " + reservation.scopeType() + scope(reservation)
                    + ", instance size flexibility " + (reservation.instanceFlexibility() ? "On" : "Off"));
        }
        lines.add(String.format("%-6s %12s %12s  %-40s %-22s %8s %12s %10s", "hour", "capacity", "used", "resource",
                "size", "ratio", "units", "hours"));
        Map<Integer, List<CoverageDetail>> byHour = new HashMap<>();
        for (CoverageDetail d : match.coverageDetails()) {
            if (d.reservationId().equals(reservationId)) {
                byHour.computeIfAbsent(hourOf(d.slot()), h -> new ArrayList<>()).add(d);
            }
        }
        BigDecimal capacityTotal = BigDecimal.ZERO;
        BigDecimal usedTotal = BigDecimal.ZERO;
        for (ReservationHourResult hour : match.reservationHours()) {
            if (!hour.reservationId().equals(reservationId)) {
                continue;
            }
            int h = hour.hourStart().atOffset(java.time.ZoneOffset.UTC).getHour();
            capacityTotal = capacityTotal.add(hour.capacityUnits());
            usedTotal = usedTotal.add(hour.usedUnits());
            List<CoverageDetail> details = byHour.getOrDefault(h, List.of());
            String head = String.format("%02d:00  %12s %12s", h, units(hour.capacityUnits()), units(hour.usedUnits()));
            if (details.isEmpty()) {
                lines.add(head + "  (unused)");
            }
            for (int i = 0; i < details.size(); i++) {
                CoverageDetail d = details.get(i);
                lines.add((i == 0 ? head : " ".repeat(head.length())) + "  " + String.format("%-40s %-22s %8s %12s %10s",
                        shortName(rows.get(d.usageId())), d.vmSize(), plain(d.ratio()), units(d.units()), units(d.hours())));
            }
        }
        List<CoverageDetail> daily = byHour.getOrDefault(-1, List.of());
        for (CoverageDetail d : daily) {
            lines.add(String.format("%-6s %12s %12s  %-40s %-22s %8s %12s %10s", "daily", "", "",
                    shortName(rows.get(d.usageId())), d.vmSize(), plain(d.ratio()), units(d.units()), units(d.hours())));
        }
        lines.add(String.format("day    %12s %12s  utilization %s", units(capacityTotal), units(usedTotal),
                capacityTotal.signum() == 0 ? "-" : usedTotal.divide(capacityTotal, 4, RoundingMode.HALF_UP).toPlainString()));
        return lines;
    }

    public static List<String> forResource(String resourceUri, LocalDate date, MatchResult match,
            Collection<UsageRow> usage) {
        Map<Long, UsageRow> rows = byId(usage);
        List<String> lines = new ArrayList<>();
        lines.add("Resource " + resourceUri + " on " + date + " (UTC)");
        lines.add(String.format("%-6s %-22s %8s %10s %12s %12s  %-36s %12s %10s %10s", "hour", "size", "ratio", "hours",
                "demand", "covered", "reservation", "units", "hours", "PAYG h"));
        List<RowResult> results = new ArrayList<>();
        for (RowResult r : match.rows()) {
            UsageRow row = rows.get(r.usageId());
            if (row != null && resourceUri.equalsIgnoreCase(row.resourceUri())) {
                results.add(r);
            }
        }
        results.sort(Comparator.comparing(RowResult::slot).thenComparingLong(RowResult::usageId));
        BigDecimal payg = BigDecimal.ZERO;
        for (RowResult r : results) {
            String hour = r.slot().isDaily() ? "daily" : String.format("%02d:00", r.slot().hourOfDay());
            String head = String.format("%-6s %-22s %8s %10s %12s %12s", hour, r.vmSize(), plain(r.ratio()),
                    units(r.quantity()), units(r.demandUnits()), units(r.coveredUnits()));
            String tail = String.format("%10s", units(r.uncoveredHours()))
                    + (r.outcome() == RowOutcome.ELIGIBLE ? "" : "  (" + r.outcome().name().toLowerCase().replace('_', ' ') + ")");
            payg = payg.add(r.uncoveredHours());
            if (r.allocations().isEmpty()) {
                lines.add(head + "  " + String.format("%-36s %12s %10s ", "-", "", "") + tail);
            }
            for (int i = 0; i < r.allocations().size(); i++) {
                Allocation a = r.allocations().get(i);
                lines.add((i == 0 ? head : " ".repeat(head.length())) + "  " + String.format("%-36s %12s %10s ",
                        a.reservationId(), units(a.units()), units(a.hours())) + (i == 0 ? tail : ""));
            }
        }
        lines.add("PAYG hours of the day: " + units(payg));
        return lines;
    }

    private static int hourOf(UsageSlot slot) {
        return slot.isDaily() ? -1 : slot.hourOfDay();
    }

    private static String scope(Reservation r) {
        return switch (r.scopeType()) {
            case SHARED -> "";
            case SINGLE -> " " + r.scopeSubscriptionId();
            case RESOURCE_GROUP -> " " + r.scopeSubscriptionId() + "/" + r.scopeResourceGroup();
        };
    }

    private static Map<Long, UsageRow> byId(Collection<UsageRow> usage) {
        Map<Long, UsageRow> rows = new HashMap<>();
        usage.forEach(u -> rows.put(u.id(), u));
        return rows;
    }

    private static String shortName(UsageRow row) {
        if (row == null || row.resourceUri() == null) {
            return "?";
        }
        String uri = row.resourceUri();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String units(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
