package dev.ribilling.generate;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Writes {@code sample-data/usage-2026-10.csv}, the hand-designed October 2026 usage of the sample partner.
 * The VMs and their schedules are listed below; unit prices are looked up in the checked-in
 * {@code sample-data/prices.csv}, so the mid-month price change and the Windows and Spot prices stay consistent
 * with the price sheet. Run from the project root to regenerate (SampleDataTests fails when the checked-in file
 * differs from what this writes):
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.ribilling.generate.SampleDataWriter sample-data
 * </pre>
 */
public final class SampleDataWriter {

    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    static final String USAGE_FILE = "usage-2026-10.csv";
    static final String[] HEADER = {
            "UsageDate", "CustomerId", "SubscriptionId", "EntitlementId", "ResourceGroup", "ResourceURI",
            "ResourceLocation", "MeterCategory", "MeterName", "ConsumedService", "PricingModel", "Quantity",
            "UnitPrice", "PricingCurrency", "BillingCurrency", "AdditionalInfo"};

    static final String CONTOSO_PROD = "c0a1b2c3-0001-4000-8000-000000000001";
    static final String CONTOSO_DEV = "c0a1b2c3-0002-4000-8000-000000000002";
    static final String FABRIKAM = "fab0b2c3-0001-4000-8000-000000000001";
    static final String NORTHWIND = "0b0b2c3d-0001-4000-8000-000000000001";
    /** Northwind's Partner Center billing subscription: its rows name the Azure subscription in EntitlementId. */
    static final String NORTHWIND_BILLING = "b1111111-0000-4000-8000-00000000000a";

    private static final BigDecimal WINDOWS_PER_CORE_HOUR = new BigDecimal("0.046");

    enum Os {
        LINUX, WINDOWS, SPOT
    }

    /** Minutes a VM runs in the clock hour starting at {@code hourStart} (UTC). */
    @FunctionalInterface
    interface Schedule {
        int minutesIn(LocalDateTime hourStart);
    }

    record Customer(String customerId, String billingCurrency, String subscriptionIdColumn, boolean entitlements) {
    }

    static final Customer CONTOSO = new Customer("contoso", "USD", null, false);
    static final Customer FABRIKAM_CO = new Customer("fabrikam", "EUR", null, false);
    static final Customer NORTHWIND_CO = new Customer("northwind", "USD", NORTHWIND_BILLING, true);

    /**
     * One VM of the sample.
     *
     * @param location the ResourceLocation as written (spelling varies on purpose; the region is {@code region})
     */
    record SampleVm(Customer customer, String subscriptionId, String resourceGroup, String name, String sku,
            int cores, String region, String location, Os os, Schedule schedule) {
    }

    /** The sample's VMs, in the order their rows appear. */
    static List<SampleVm> vms() {
        return List.of(
                // Contoso (USD, direct): Dsv5 VMs of three sizes share reservation 1 (Shared) and, from
                // 14 Oct 13:00, sql-01 gets reservation 2 (ResourceGroup rg-data).
                new SampleVm(CONTOSO, CONTOSO_PROD, "rg-web", "web-01", "Standard_D2s_v5", 2, "eastus", "eastus",
                        Os.LINUX, alwaysOn()),
                new SampleVm(CONTOSO, CONTOSO_PROD, "rg-web", "web-02", "Standard_D2s_v5", 2, "eastus", "eastus",
                        Os.WINDOWS, until(LocalDateTime.of(2026, 10, 18, 14, 20))),
                new SampleVm(CONTOSO, CONTOSO_PROD, "rg-web", "app-01", "Standard_D4s_v5", 4, "eastus", "eastus",
                        Os.LINUX, alwaysOn()),
                new SampleVm(CONTOSO, CONTOSO_PROD, "rg-data", "sql-01", "Standard_D8s_v5", 8, "eastus", "eastus",
                        Os.WINDOWS, alwaysOn()),
                new SampleVm(CONTOSO, CONTOSO_PROD, "rg-data", "batch-01", "Standard_F4s_v2", 4, "eastus", "eastus",
                        Os.LINUX, alwaysOn()),
                new SampleVm(CONTOSO, CONTOSO_PROD, "rg-data", "spot-01", "Standard_D4s_v5", 4, "eastus", "eastus",
                        Os.SPOT, alwaysOn()),
                new SampleVm(CONTOSO, CONTOSO_DEV, "rg-dev", "dev-01", "Standard_E4s_v5", 4, "westeurope",
                        "westeurope", Os.LINUX, weekdays(7 * 60 + 50, 18 * 60 + 10)),
                new SampleVm(CONTOSO, CONTOSO_DEV, "rg-dev", "dev-02", "Standard_E8s_v5", 8, "westeurope",
                        "westeurope", Os.LINUX, weekdays(9 * 60, 17 * 60)),
                new SampleVm(CONTOSO, CONTOSO_DEV, "rg-dev", "jump-01", "Standard_B2ms", 2, "eastus", "eastus",
                        Os.WINDOWS, alwaysOn()),
                // Fabrikam (EUR, direct): DSv3 VMs of two sizes under reservation 5; rg-analytics moves from the
                // exchanged reservation 7 to its replacement 8; etl-01 loses reservation 6 when it is cancelled.
                new SampleVm(FABRIKAM_CO, FABRIKAM, "rg-erp", "erp-01", "Standard_D4s_v3", 4, "westeurope",
                        "WestEurope", Os.LINUX, alwaysOn()),
                new SampleVm(FABRIKAM_CO, FABRIKAM, "rg-erp", "erp-02", "Standard_D2s_v3", 2, "westeurope",
                        "WestEurope", Os.LINUX, weekdays(8 * 60, 17 * 60 + 30)),
                new SampleVm(FABRIKAM_CO, FABRIKAM, "rg-erp", "erp-03", "Standard_D2s_v3", 2, "westeurope",
                        "WestEurope", Os.WINDOWS, alwaysOn()),
                new SampleVm(FABRIKAM_CO, FABRIKAM, "rg-analytics", "bi-01", "Standard_D4s_v5", 4, "westeurope",
                        "WestEurope", Os.LINUX, alwaysOn()),
                new SampleVm(FABRIKAM_CO, FABRIKAM, "rg-analytics", "bi-02", "Standard_D4s_v5", 4, "westeurope",
                        "WestEurope", Os.LINUX, from(LocalDateTime.of(2026, 10, 16, 10, 0))),
                new SampleVm(FABRIKAM_CO, FABRIKAM, "rg-analytics", "etl-01", "Standard_E8s_v5", 8, "northeurope",
                        "northeurope", Os.LINUX, alwaysOn()),
                // Northwind (USD, through reseller 5123456): B-series sizes with ratios 2 and 0.5 under
                // reservation 9; D2s_v5 reservation 10 has flexibility off, so batch-03 (D4s_v5) stays PAYG.
                new SampleVm(NORTHWIND_CO, NORTHWIND, "rg-shop", "shop-web-01", "Standard_B2ms", 2, "eastus",
                        "eastus", Os.LINUX, alwaysOn()),
                new SampleVm(NORTHWIND_CO, NORTHWIND, "rg-shop", "shop-web-02", "Standard_B2ms", 2, "eastus",
                        "eastus", Os.LINUX, until(LocalDateTime.of(2026, 10, 25, 0, 0))),
                new SampleVm(NORTHWIND_CO, NORTHWIND, "rg-shop", "shop-cache-01", "Standard_B1ms", 1, "eastus",
                        "eastus", Os.LINUX, alwaysOn()),
                new SampleVm(NORTHWIND_CO, NORTHWIND, "rg-batch", "nightly-01", "Standard_D2s_v5", 2, "eastus",
                        "eastus", Os.LINUX, everyDay(60, 4 * 60 + 30)),
                new SampleVm(NORTHWIND_CO, NORTHWIND, "rg-batch", "worker-01", "Standard_D2s_v5", 2, "eastus",
                        "eastus", Os.LINUX, alwaysOn()),
                new SampleVm(NORTHWIND_CO, NORTHWIND, "rg-batch", "worker-02", "Standard_D4s_v5", 4, "eastus",
                        "eastus", Os.LINUX, alwaysOn()));
    }

    /** Fabrikam's legacy-01 reports only daily rows (hours per day), on these days. */
    static final Map<LocalDate, String> LEGACY_DAILY_HOURS = new TreeMap<>(Map.of(
            LocalDate.of(2026, 10, 5), "24",
            LocalDate.of(2026, 10, 6), "24",
            LocalDate.of(2026, 10, 7), "12.5",
            LocalDate.of(2026, 10, 8), "24",
            LocalDate.of(2026, 10, 9), "8"));

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data");
        try {
            Files.writeString(dir.resolve(USAGE_FILE), render(dir.resolve("prices.csv")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + dir.resolve(USAGE_FILE));
    }

    /** The usage file's whole text. */
    static String render(Path pricesCsv) {
        PriceSheet prices = PriceSheet.read(pricesCsv);
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (SampleVm vm : vms()) {
            for (LocalDate day = PERIOD.atDay(1); !day.isAfter(PERIOD.atEndOfMonth()); day = day.plusDays(1)) {
                for (int hour = 0; hour < 24; hour++) {
                    LocalDateTime start = day.atTime(hour, 0);
                    int minutes = vm.schedule().minutesIn(start);
                    if (minutes > 0) {
                        vmRow(out, vm, start + ":00Z", hours(minutes), unitPrice(prices, vm, day));
                    }
                }
            }
        }
        SampleVm legacy = new SampleVm(FABRIKAM_CO, FABRIKAM, "rg-erp", "legacy-01", "Standard_D2s_v3", 2,
                "westeurope", "WestEurope", Os.LINUX, hour -> 0);
        LEGACY_DAILY_HOURS.forEach((day, hours) ->
                vmRow(out, legacy, day.toString(), hours, unitPrice(prices, legacy, day)));
        for (LocalDate day = PERIOD.atDay(1); !day.isAfter(PERIOD.atEndOfMonth()); day = day.plusDays(1)) {
            otherServices(out, day);
        }
        return out.toString();
    }

    private static void vmRow(StringBuilder out, SampleVm vm, String usageDate, String quantity, BigDecimal price) {
        Customer c = vm.customer();
        line(out, usageDate, c.customerId(), c.subscriptionIdColumn() == null ? vm.subscriptionId()
                        : c.subscriptionIdColumn(), c.entitlements() ? vm.subscriptionId() : null,
                vm.resourceGroup(), "/subscriptions/" + vm.subscriptionId() + "/resourceGroups/" + vm.resourceGroup()
                        + "/providers/Microsoft.Compute/virtualMachines/" + vm.name(),
                vm.location(), "Virtual Machines", meterName(vm.sku()) + (vm.os() == Os.SPOT ? " Spot" : ""),
                "Microsoft.Compute", vm.os() == Os.SPOT ? "Spot" : "OnDemand", quantity, plain(price), "USD",
                c.billingCurrency(), "{\"ServiceType\":\"" + vm.sku() + "\"}");
    }

    /**
     * Daily rows that are not VMs and never take reservation capacity: Contoso's and Northwind's storage accounts
     * (AdditionalInfo left empty: it is needed for VM rows only) and Fabrikam's outbound bandwidth.
     */
    private static void otherServices(StringBuilder out, LocalDate day) {
        String date = day.toString();
        line(out, date, "contoso", CONTOSO_PROD, null, "rg-data", "/subscriptions/" + CONTOSO_PROD
                        + "/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stcontosoprod01",
                "eastus", "Storage", "Hot LRS Data Stored", "Microsoft.Storage", "OnDemand", "16.129032", "0.0184",
                "USD", "USD", null);
        int tenthsOfGigabytes = 50 + (day.getDayOfMonth() * 37) % 120;
        line(out, date, "fabrikam", FABRIKAM, null, "rg-erp", "/subscriptions/" + FABRIKAM
                        + "/resourceGroups/rg-erp/providers/Microsoft.Network/publicIPAddresses/pip-erp",
                "WestEurope", "Bandwidth", "Standard Data Transfer Out", "Microsoft.Network", "OnDemand",
                plain(BigDecimal.valueOf(tenthsOfGigabytes, 1)), "0.087", "USD", "EUR", "{}");
        line(out, date, "northwind", NORTHWIND_BILLING, NORTHWIND, "rg-shop", "/subscriptions/" + NORTHWIND
                        + "/resourceGroups/rg-shop/providers/Microsoft.Storage/storageAccounts/stnorthwindshop",
                "eastus", "Storage", "Hot LRS Data Stored", "Microsoft.Storage", "OnDemand", "3.225806", "0.0184",
                "USD", "USD", null);
    }

    private static BigDecimal unitPrice(PriceSheet prices, SampleVm vm, LocalDate day) {
        return switch (vm.os()) {
            case LINUX -> prices.linux(vm.sku(), vm.region(), day);
            case WINDOWS -> prices.linux(vm.sku(), vm.region(), day)
                    .add(WINDOWS_PER_CORE_HOUR.multiply(BigDecimal.valueOf(vm.cores())));
            case SPOT -> prices.spot(vm.sku(), vm.region(), day);
        };
    }

    static Schedule alwaysOn() {
        return hour -> 60;
    }

    /** Runs until {@code end} (exclusive), a minute in the month. */
    static Schedule until(LocalDateTime end) {
        return hour -> overlap(hour, LocalDateTime.MIN, end);
    }

    /** Runs from {@code start} (a VM created mid-month). */
    static Schedule from(LocalDateTime start) {
        return hour -> overlap(hour, start, LocalDateTime.MAX);
    }

    /** Monday to Friday from {@code startMinute} to {@code endMinute} of the day (UTC). */
    static Schedule weekdays(int startMinute, int endMinute) {
        return hour -> {
            DayOfWeek weekday = hour.getDayOfWeek();
            if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                return 0;
            }
            return everyDay(startMinute, endMinute).minutesIn(hour);
        };
    }

    static Schedule everyDay(int startMinute, int endMinute) {
        return hour -> {
            LocalDateTime midnight = hour.toLocalDate().atStartOfDay();
            return overlap(hour, midnight.plusMinutes(startMinute), midnight.plusMinutes(endMinute));
        };
    }

    private static int overlap(LocalDateTime hourStart, LocalDateTime from, LocalDateTime until) {
        LocalDateTime hourEnd = hourStart.plusHours(1);
        LocalDateTime a = from.isAfter(hourStart) ? from : hourStart;
        LocalDateTime b = until.isBefore(hourEnd) ? until : hourEnd;
        return a.isBefore(b) ? (int) java.time.Duration.between(a, b).toMinutes() : 0;
    }

    private static String hours(int minutes) {
        return plain(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 6, java.math.RoundingMode.HALF_UP));
    }

    static String meterName(String sku) {
        return sku.substring("Standard_".length()).replace('_', ' ');
    }

    private static String plain(BigDecimal value) {
        return UsageFileWriter.decimal(value);
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(CsvRowWriter.field(fields[i]));
        }
        out.append('\n');
    }

    /** The Linux and Spot compute prices of the sample price sheet, by SKU, region and effective date. */
    record PriceSheet(Map<String, NavigableMap<LocalDate, BigDecimal>> linux,
            Map<String, NavigableMap<LocalDate, BigDecimal>> spot) {

        static PriceSheet read(Path file) {
            Map<String, NavigableMap<LocalDate, BigDecimal>> linux = new TreeMap<>();
            Map<String, NavigableMap<LocalDate, BigDecimal>> spot = new TreeMap<>();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVReader csv = new CSVReader(reader)) {
                List<String[]> rows = new ArrayList<>(csv.readAll());
                List<String> header = List.of(rows.remove(0));
                for (String[] row : rows) {
                    String type = row[header.indexOf("Type")];
                    String meter = row[header.indexOf("MeterName")];
                    String product = row[header.indexOf("ProductName")];
                    if (!type.equals("Consumption") || product.contains("Windows") || product.contains("DevTest")
                            || meter.contains("Low Priority")) {
                        continue;
                    }
                    String key = key(row[header.indexOf("ArmSkuName")], row[header.indexOf("ArmRegionName")]);
                    (meter.contains("Spot") ? spot : linux).computeIfAbsent(key, k -> new TreeMap<>())
                            .put(LocalDate.parse(row[header.indexOf("EffectiveStartDate")]),
                                    new BigDecimal(row[header.indexOf("UnitPrice")]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (CsvException e) {
                throw new IllegalStateException(e);
            }
            return new PriceSheet(linux, spot);
        }

        BigDecimal linux(String sku, String region, LocalDate day) {
            return at(linux, sku, region, day);
        }

        BigDecimal spot(String sku, String region, LocalDate day) {
            return at(spot, sku, region, day);
        }

        private static BigDecimal at(Map<String, NavigableMap<LocalDate, BigDecimal>> prices, String sku,
                String region, LocalDate day) {
            NavigableMap<LocalDate, BigDecimal> history = prices.get(key(sku, region));
            if (history == null || history.floorEntry(day) == null) {
                throw new IllegalStateException("sample price sheet has no price for " + sku + " in " + region
                        + " on " + day);
            }
            return history.floorEntry(day).getValue();
        }

        private static String key(String sku, String region) {
            return sku.toLowerCase(Locale.ROOT) + "|" + region;
        }
    }
}
