package dev.ribilling.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/** Builders for readable matching scenarios. The default day, region, subscription and resource group are shared. */
final class MatchingFixtures {

    static final LocalDate DAY = LocalDate.of(2026, 10, 5);
    static final String REGION = "westeurope";
    static final String SUB = "sub-a";
    static final String RG = "rg-a";

    /** The DSv2 and Dsv3 groups as published (ratios of domain.md 1.3), plus an illustrative fractional group. */
    static final IsfTable ISF = IsfTable.of(
            new IsfEntry("DSv2 Series", "Standard_DS1_v2", new BigDecimal("1")),
            new IsfEntry("DSv2 Series", "Standard_DS2_v2", new BigDecimal("2")),
            new IsfEntry("DSv2 Series", "Standard_DS3_v2", new BigDecimal("4")),
            new IsfEntry("DSv2 Series", "Standard_DS4_v2", new BigDecimal("8")),
            new IsfEntry("DSv2 Series", "Standard_DS5_v2", new BigDecimal("16")),
            new IsfEntry("DSv3 Series", "Standard_D2s_v3", new BigDecimal("2")),
            new IsfEntry("DSv3 Series", "Standard_D4s_v3", new BigDecimal("4")),
            new IsfEntry("DSv3 Series", "Standard_D8s_v3", new BigDecimal("8")),
            new IsfEntry("Fractional Series", "Standard_F_half", new BigDecimal("0.5")),
            new IsfEntry("Fractional Series", "Standard_F_four", new BigDecimal("4")),
            new IsfEntry("Fractional Series", "Standard_F_six", new BigDecimal("6")));

    private MatchingFixtures() {
    }

    static Instant at(int hour, int minute) {
        return DAY.atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC);
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static MatchResult match(List<UsageRow> rows, List<Reservation> reservations) {
        return new MatchingEngine(ISF).match(DAY, rows, reservations);
    }

    static RowResult row(MatchResult result, long id) {
        return result.rows().stream().filter(row -> row.usageId() == id).findFirst().orElseThrow();
    }

    static ReservationDayResult day(MatchResult result, String reservationId) {
        return result.reservationDays().stream().filter(day -> day.reservationId().equals(reservationId))
                .findFirst().orElseThrow();
    }

    static BigDecimal unitsFrom(RowResult row, String reservationId) {
        return row.allocations().stream().filter(a -> a.reservationId().equals(reservationId))
                .map(Allocation::units).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static UsageBuilder usage(long id) {
        return new UsageBuilder(id);
    }

    static ReservationBuilder reservation(String id, String sku) {
        return new ReservationBuilder(id, sku);
    }

    static final class UsageBuilder {
        private final long id;
        private String subscription = SUB;
        private String resourceGroup = RG;
        private String vm;
        private String region = REGION;
        private String size = "Standard_DS1_v2";
        private Eligibility eligibility = Eligibility.ANY_RESERVATION;
        private UsageSlot slot = UsageSlot.hourly(at(0, 0));
        private String quantity = "1";

        UsageBuilder(long id) {
            this.id = id;
            this.vm = "vm-" + id;
        }

        UsageBuilder hour(int hour) {
            slot = UsageSlot.hourly(at(hour, 0));
            return this;
        }

        UsageBuilder daily() {
            slot = UsageSlot.daily(DAY);
            return this;
        }

        UsageBuilder size(String vmSize) {
            size = vmSize;
            return this;
        }

        UsageBuilder hours(String hours) {
            quantity = hours;
            return this;
        }

        UsageBuilder vm(String name) {
            vm = name;
            return this;
        }

        UsageBuilder in(String subscriptionId, String group) {
            subscription = subscriptionId;
            resourceGroup = group;
            return this;
        }

        UsageBuilder region(String name) {
            region = name;
            return this;
        }

        UsageBuilder eligibility(Eligibility value) {
            eligibility = value;
            return this;
        }

        UsageRow build() {
            String uri = "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup
                    + "/providers/Microsoft.Compute/virtualMachines/" + vm;
            return new UsageRow(id, subscription, resourceGroup, uri, region, size, eligibility, slot, dec(quantity));
        }
    }

    static final class ReservationBuilder {
        private final String id;
        private final String sku;
        private String quantity = "1";
        private ScopeType scope = ScopeType.SHARED;
        private String scopeSubscription;
        private String scopeResourceGroup;
        private boolean flexible = true;
        private Instant start = DAY.minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();
        private Instant expiry = DAY.plusDays(300).atStartOfDay(ZoneOffset.UTC).toInstant();
        private Instant cancelledAt;
        private String region = REGION;

        ReservationBuilder(String id, String sku) {
            this.id = id;
            this.sku = sku;
        }

        ReservationBuilder quantity(String value) {
            quantity = value;
            return this;
        }

        ReservationBuilder single(String subscriptionId) {
            scope = ScopeType.SINGLE;
            scopeSubscription = subscriptionId;
            return this;
        }

        ReservationBuilder resourceGroup(String subscriptionId, String group) {
            scope = ScopeType.RESOURCE_GROUP;
            scopeSubscription = subscriptionId;
            scopeResourceGroup = group;
            return this;
        }

        ReservationBuilder flexibilityOff() {
            flexible = false;
            return this;
        }

        ReservationBuilder start(Instant value) {
            start = value;
            return this;
        }

        ReservationBuilder expiry(Instant value) {
            expiry = value;
            return this;
        }

        ReservationBuilder cancelledAt(Instant value) {
            cancelledAt = value;
            return this;
        }

        ReservationBuilder region(String value) {
            region = value;
            return this;
        }

        Reservation build() {
            return new Reservation(id, sku, region, dec(quantity), scope, scopeSubscription, scopeResourceGroup,
                    flexible, start, expiry, cancelledAt);
        }
    }
}
