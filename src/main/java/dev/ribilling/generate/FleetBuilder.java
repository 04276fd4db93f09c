package dev.ribilling.generate;

import dev.ribilling.generate.SyntheticReservation.BillingPlan;
import dev.ribilling.generate.SyntheticReservation.Scope;
import dev.ribilling.generate.SyntheticReservation.Status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds customers, VMs and reservations from the seed. All random draws come from one SplittableRandom consumed
 * in a fixed order, and every map that is iterated is a TreeMap, so the same spec always yields the same fleet.
 * The fleet does not depend on the usage days: presets M and L with one seed share it.
 */
final class FleetBuilder {

    private static final String[] COMPANY_NAMES = {
            "Contoso", "Fabrikam, Inc.", "Northwind Traders", "Adventure Works", "Tailspin Toys", "Woodgrove Bank",
            "Litware", "Proseware", "Wingtip Toys", "Alpine Ski House", "Coho Winery", "Fourth Coffee",
            "Lamna Healthcare", "Margie's Travel", "Trey Research", "Wide World Importers", "Relecloud",
            "VanArsdel", "Humongous Insurance", "Blue Yonder Airlines", "City Power & Light",
            "Consolidated Messenger", "Southridge Video", "Nod Publishers", "Bellows College",
            "A. Datum Corporation", "Graphic Design Institute", "Best For You Organics", "Lucerne Publishing",
            "Munson's Pickles and Preserves Farm"};
    private static final String[] RESOURCE_GROUPS = {
            "rg-prod-web", "rg-prod-data", "rg-prod-app", "rg-shared-services", "rg-analytics", "rg-test", "rg-dev"};
    private static final String[] VM_ROLES = {"web", "app", "api", "sql", "batch", "cache", "build", "jump", "etl"};
    private static final BigDecimal[] PAYG_MARKUPS = {
            new BigDecimal("0"), new BigDecimal("3"), new BigDecimal("5"), new BigDecimal("7.5"),
            new BigDecimal("10"), new BigDecimal("12")};
    private static final BigDecimal[] RESERVATION_MARKUPS = {
            new BigDecimal("0"), new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("5")};

    /**
     * Traits forced on the first VMs of the fleet (pattern, Windows, Spot, scale set), so that even the smallest
     * spec shows every kind of usage; later VMs draw theirs at random.
     */
    private static final Showcase[] SHOWCASE = {
            new Showcase(RunPattern.ALWAYS_ON, false, false, false),
            new Showcase(RunPattern.ALWAYS_ON, true, false, false),
            new Showcase(RunPattern.BUSINESS_HOURS, false, false, false),
            new Showcase(RunPattern.ALWAYS_ON, false, true, false),
            new Showcase(RunPattern.BURSTS, true, false, false),
            new Showcase(RunPattern.DELETED_MID_PERIOD, false, false, false),
            new Showcase(RunPattern.CREATED_MID_PERIOD, false, false, false),
            new Showcase(RunPattern.ALWAYS_ON, false, false, true)};

    private record Showcase(RunPattern pattern, boolean windows, boolean spot, boolean scaleSet) {
    }

    private final GeneratorSpec spec;
    private final VmCatalog catalog;
    private final SplittableRandom random;
    private final long periodStartMinute;
    private final long periodMinutes;
    private int vmsBuilt;

    FleetBuilder(GeneratorSpec spec, VmCatalog catalog) {
        this.spec = spec;
        this.catalog = catalog;
        this.random = new SplittableRandom(spec.seed());
        this.periodStartMinute = spec.period().atDay(1).toEpochDay() * 1440;
        this.periodMinutes = spec.period().lengthOfMonth() * 1440L;
    }

    SyntheticFleet build() {
        List<String> resellers = resellerPool();
        int[] vmCounts = vmsPerCustomer();
        List<SyntheticCustomer> customers = new ArrayList<>();
        List<SyntheticVm> vms = new ArrayList<>();
        List<SyntheticReservation> reservations = new ArrayList<>();
        for (int i = 0; i < spec.customers(); i++) {
            SyntheticCustomer customer = customer(i, vmCounts[i], resellers);
            customers.add(customer);
            List<SyntheticVm> customerVms = vms(customer, vmCounts[i]);
            vms.addAll(customerVms);
            reservations.addAll(reservations(customer, customerVms));
        }
        return new SyntheticFleet(List.copyOf(customers), List.copyOf(vms), List.copyOf(reservations));
    }

    private List<String> resellerPool() {
        int count = Math.max(1, Math.min(20, spec.customers() / 25));
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pool.add(Integer.toString(4_000_000 + random.nextInt(1_000_000)));
        }
        return pool;
    }

    /**
     * Splits the VMs over customers unevenly (a few large customers, many small ones), each getting at least one,
     * by largest remainder so the total is exact.
     */
    private int[] vmsPerCustomer() {
        int n = spec.customers();
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            weights[i] = 0.2 + 4 * u * u * u;
            sum += weights[i];
        }
        int spare = spec.totalVms() - n;
        int[] counts = new int[n];
        double[] remainders = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double share = spare * weights[i] / sum;
            counts[i] = 1 + (int) Math.floor(share);
            remainders[i] = share - Math.floor(share);
            given += counts[i] - 1;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -remainders[i]).thenComparing(i -> i));
        for (int k = 0; given < spare; k++, given++) {
            counts[order[k % n]]++;
        }
        return counts;
    }

    private SyntheticCustomer customer(int index, int vmCount, List<String> resellers) {
        // The first four customers are fixed in kind, so even the smallest spec has USD, EUR, JPY and a reseller.
        String currency = switch (index) {
            case 0, 2 -> "USD";
            case 1 -> "EUR";
            case 3 -> "JPY";
            default -> {
                double r = random.nextDouble();
                yield r < 0.04 ? "JPY" : r < 0.42 ? "EUR" : "USD";
            }
        };
        boolean indirect = index == 2 || (index > 3 && random.nextDouble() < 0.3);
        String resellerId = indirect ? resellers.get(random.nextInt(resellers.size())) : null;
        String name = COMPANY_NAMES[index % COMPANY_NAMES.length]
                + (index >= COMPANY_NAMES.length ? " " + (index / COMPANY_NAMES.length + 1) : "");

        int subscriptionCount = Math.min(vmCount, 1 + Math.min(5, vmCount / 40) + random.nextInt(2));
        List<SyntheticCustomer.Subscription> subscriptions = new ArrayList<>();
        for (int s = 0; s < subscriptionCount; s++) {
            int groups = 1 + random.nextInt(3);
            int first = random.nextInt(RESOURCE_GROUPS.length);
            List<String> resourceGroups = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                resourceGroups.add(RESOURCE_GROUPS[(first + g) % RESOURCE_GROUPS.length]);
            }
            subscriptions.add(new SyntheticCustomer.Subscription(guid(), List.copyOf(resourceGroups),
                    50 + random.nextInt(5_000)));
        }
        return new SyntheticCustomer(
                "cust-" + zeroPadded(index + 1, 5),
                name,
                currency,
                resellerId,
                PAYG_MARKUPS[random.nextInt(PAYG_MARKUPS.length)],
                RESERVATION_MARKUPS[random.nextInt(RESERVATION_MARKUPS.length)],
                List.copyOf(subscriptions),
                regionsFor(currency),
                random.nextDouble() < 0.25);
    }

    private List<AzureRegion> regionsFor(String currency) {
        AzureRegion[] candidates = switch (currency) {
            case "EUR" -> new AzureRegion[] {AzureRegion.WESTEUROPE, AzureRegion.NORTHEUROPE};
            case "JPY" -> new AzureRegion[] {AzureRegion.JAPANEAST, AzureRegion.EASTUS};
            default -> random.nextDouble() < 0.15
                    ? new AzureRegion[] {AzureRegion.UKSOUTH, AzureRegion.EASTUS}
                    : new AzureRegion[] {AzureRegion.EASTUS, AzureRegion.WESTUS2};
        };
        int start = random.nextDouble() < 0.8 ? 0 : 1;
        return random.nextDouble() < 0.5
                ? List.of(candidates[start])
                : List.of(candidates[start], candidates[1 - start]);
    }

    private List<SyntheticVm> vms(SyntheticCustomer customer, int count) {
        List<String> series = catalog.seriesNames();
        int preferred = 1 + random.nextInt(3);
        int firstSeries = random.nextInt(series.size());
        List<SyntheticVm> vms = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            List<VmSize> sizes = catalog.sizes(series.get((firstSeries + random.nextInt(preferred)) % series.size()));
            VmSize size = sizes.get(Math.min(sizes.size() - 1, weightedSizeIndex()));
            AzureRegion region = customer.regions().size() == 1 || random.nextDouble() < 0.7
                    ? customer.regions().get(0) : customer.regions().get(1);
            SyntheticCustomer.Subscription subscription =
                    customer.subscriptions().get(random.nextInt(customer.subscriptions().size()));
            String resourceGroup = subscription.resourceGroups().get(random.nextInt(subscription.resourceGroups().size()));
            double p = random.nextDouble();
            RunPattern pattern = p < 0.66 ? RunPattern.ALWAYS_ON
                    : p < 0.80 ? RunPattern.BUSINESS_HOURS
                    : p < 0.88 ? RunPattern.BURSTS
                    : p < 0.94 ? RunPattern.DELETED_MID_PERIOD
                    : RunPattern.CREATED_MID_PERIOD;
            boolean scaleSet = random.nextDouble() < 0.02;
            boolean spot = !scaleSet && random.nextDouble() < 0.03;
            boolean windows = random.nextDouble() < 0.25;
            if (vmsBuilt < SHOWCASE.length) {
                Showcase showcase = SHOWCASE[vmsBuilt];
                pattern = showcase.pattern();
                scaleSet = showcase.scaleSet();
                spot = showcase.spot();
                windows = showcase.windows();
            }
            vmsBuilt++;
            int instances = scaleSet ? 2 + random.nextInt(5) : 1;
            long momentInPeriod = periodStartMinute + random.nextLong(periodMinutes);
            long activeFrom = pattern == RunPattern.CREATED_MID_PERIOD ? momentInPeriod : Long.MIN_VALUE;
            long activeUntil = pattern == RunPattern.DELETED_MID_PERIOD ? momentInPeriod : Long.MAX_VALUE;
            String name = (scaleSet ? "vmss-" : "") + VM_ROLES[random.nextInt(VM_ROLES.length)] + "-"
                    + zeroPadded(n, 4);
            vms.add(new SyntheticVm(customer, subscription.subscriptionId(), resourceGroup, name, size, region,
                    pattern, windows, spot, instances, activeFrom, activeUntil, random.nextInt(26),
                    random.nextInt(26), random.nextLong()));
        }
        return vms;
    }

    /** 45 % the smallest size of a series, then 30 %, 17 %, 8 %. */
    private int weightedSizeIndex() {
        double r = random.nextDouble();
        return r < 0.45 ? 0 : r < 0.75 ? 1 : r < 0.92 ? 2 : 3;
    }

    /**
     * One reservation for most (region, series) pairs of the customer's steady load, bought for the size it runs
     * most and covering 70–95 % of that load within its scope, so utilization is high but not perfect and some
     * steady usage stays PAYG.
     */
    private List<SyntheticReservation> reservations(SyntheticCustomer customer, List<SyntheticVm> vms) {
        Map<String, List<SyntheticVm>> steadyByRegionAndSeries = new TreeMap<>();
        for (SyntheticVm vm : vms) {
            if (vm.isSteadyLoad()) {
                steadyByRegionAndSeries
                        .computeIfAbsent(vm.region().armName() + "|" + vm.size().productSeries(), k -> new ArrayList<>())
                        .add(vm);
            }
        }
        List<SyntheticReservation> reservations = new ArrayList<>();
        for (List<SyntheticVm> steady : steadyByRegionAndSeries.values()) {
            if (random.nextDouble() >= 0.85) {
                continue;
            }
            double s = random.nextDouble();
            Scope scope = s < 0.55 ? Scope.Shared : s < 0.80 ? Scope.Single : Scope.ResourceGroup;
            String scopeSubscription = null;
            String scopeResourceGroup = null;
            List<SyntheticVm> inScope = steady;
            if (scope != Scope.Shared) {
                SyntheticVm anchor = largestScopeMember(steady, scope);
                scopeSubscription = anchor.subscriptionId();
                scopeResourceGroup = scope == Scope.ResourceGroup ? anchor.resourceGroup() : null;
                String sub = scopeSubscription;
                String rg = scopeResourceGroup;
                inScope = steady.stream()
                        .filter(vm -> vm.subscriptionId().equals(sub) && (rg == null || vm.resourceGroup().equals(rg)))
                        .toList();
            }
            boolean flexible = random.nextDouble() < 0.85;
            VmSize sku = mostRunSize(inScope);
            double coverage = 0.70 + 0.25 * random.nextDouble();
            BigDecimal load = BigDecimal.ZERO;
            for (SyntheticVm vm : inScope) {
                if (flexible || vm.size().equals(sku)) {
                    load = load.add(vm.size().ratio().multiply(BigDecimal.valueOf(vm.instances())));
                }
            }
            int quantity = load.multiply(BigDecimal.valueOf(coverage))
                    .divide(sku.ratio(), 0, RoundingMode.FLOOR).intValue();
            if (quantity < 1) {
                continue;
            }
            ReservationTerm term = random.nextDouble() < 0.6 ? ReservationTerm.P1Y : ReservationTerm.P3Y;
            BillingPlan plan = random.nextDouble() < 0.5 ? BillingPlan.Upfront : BillingPlan.Monthly;
            Timing timing = timing(term);
            String orderId = guid();
            String reservationId = guid();
            AzureRegion region = inScope.get(0).region();
            reservations.add(new SyntheticReservation(orderId, reservationId, customer, sku, region, quantity, term,
                    plan, scope, scopeSubscription, scopeResourceGroup, flexible, timing.benefitStart,
                    timing.expiry, VmCatalog.reservationPerInstance(sku, region, term)
                            .multiply(BigDecimal.valueOf(quantity)),
                    timing.cancelledAt == null ? Status.Active : Status.Cancelled, timing.cancelledAt));
        }
        return reservations;
    }

    private static SyntheticVm largestScopeMember(List<SyntheticVm> steady, Scope scope) {
        Map<String, BigDecimal> units = new TreeMap<>();
        Map<String, SyntheticVm> anchors = new TreeMap<>();
        for (SyntheticVm vm : steady) {
            String key = scope == Scope.Single ? vm.subscriptionId() : vm.subscriptionId() + "/" + vm.resourceGroup();
            units.merge(key, vm.size().ratio().multiply(BigDecimal.valueOf(vm.instances())), BigDecimal::add);
            anchors.putIfAbsent(key, vm);
        }
        String best = null;
        for (Map.Entry<String, BigDecimal> e : units.entrySet()) {
            if (best == null || e.getValue().compareTo(units.get(best)) > 0) {
                best = e.getKey();
            }
        }
        return anchors.get(best);
    }

    private static VmSize mostRunSize(List<SyntheticVm> vms) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, VmSize> sizes = new TreeMap<>();
        for (SyntheticVm vm : vms) {
            counts.merge(vm.size().armSkuName(), vm.instances(), Integer::sum);
            sizes.putIfAbsent(vm.size().armSkuName(), vm.size());
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return sizes.get(best);
    }

    private record Timing(Instant benefitStart, Instant expiry, Instant cancelledAt) {
    }

    /**
     * Most reservations run through the whole period; some are bought in it, some expire in it and some are
     * cancelled in it, so purchases, instalments, expiries and refunds all occur in every generated month.
     */
    private Timing timing(ReservationTerm term) {
        LocalDate periodStart = spec.period().atDay(1);
        int monthDays = spec.period().lengthOfMonth();
        int termDays = term.years() * 365;
        double r = random.nextDouble();
        ZonedDateTime start;
        Instant cancelledAt = null;
        if (r < 0.70 || r >= 0.90) {
            start = atRandomMinute(periodStart.minusDays(1 + random.nextInt(termDays - 45)));
            if (r >= 0.90) {
                cancelledAt = Instant.ofEpochSecond((periodStartMinute + random.nextLong(periodMinutes)) * 60);
            }
        } else if (r < 0.80) {
            start = atRandomMinute(periodStart.plusDays(random.nextInt(monthDays)));
        } else {
            start = atRandomMinute(periodStart.plusDays(random.nextInt(monthDays))).minusYears(term.years());
        }
        return new Timing(start.toInstant(), start.plusYears(term.years()).toInstant(), cancelledAt);
    }

    private ZonedDateTime atRandomMinute(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).plus(random.nextInt(1440), ChronoUnit.MINUTES);
    }

    /** A version-4-shaped UUID drawn from the seeded random, so ids are stable across runs. */
    private String guid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
