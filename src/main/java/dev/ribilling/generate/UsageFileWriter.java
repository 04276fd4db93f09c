package dev.ribilling.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the usage file in the Partner Center daily-rated-usage shape. Memory does not grow with the number of
 * rows: each row is written as soon as it is known. Everything constant about a VM's rows is encoded to bytes once,
 * so a row costs four array copies; quantities come from a small cache of encoded values.
 *
 * <p>Row order: day by day; within a day, VM by VM (hour by hour for each VM), then that day's daily rows for
 * disks, storage accounts and bandwidth. The importer finds columns by name, so the column order is chosen to keep
 * each VM's constant fields together.
 */
final class UsageFileWriter {

    static final String[] HEADER = {
            "UsageDate", "CustomerId", "SubscriptionId", "ResourceGroup", "ResourceURI", "ResourceLocation",
            "MeterCategory", "ConsumedService", "MeterName", "PricingModel", "Quantity", "UnitPrice",
            "PricingCurrency", "BillingCurrency", "AdditionalInfo"};

    /** Microsoft prices Azure plan consumption in USD whatever the customer is billed in. */
    private static final String PRICING_CURRENCY = "USD";
    private static final String DISK_MONTHLY_USD = "19.71";
    private static final String STORAGE_GB_MONTH_USD = "0.0184";
    private static final String BANDWIDTH_GB_USD = "0.087";
    private static final byte[] NEWLINE = {'\n'};

    private final GeneratorSpec spec;
    private final SyntheticFleet fleet;
    private final byte[][] quantityCache = new byte[1441 * 8][];

    UsageFileWriter(GeneratorSpec spec, SyntheticFleet fleet) {
        this.spec = spec;
        this.fleet = fleet;
    }

    /** Writes the file and returns the number of data rows. */
    GeneratedFile write(Path file) {
        List<EncodedVm> vms = new ArrayList<>(fleet.vms().size());
        for (SyntheticVm vm : fleet.vms()) {
            vms.add(encode(vm));
        }
        List<EncodedSubscription> subscriptions = encodeSubscriptions();
        String diskQuantity = decimal(BigDecimal.ONE.divide(BigDecimal.valueOf(spec.period().lengthOfMonth()), 6,
                RoundingMode.HALF_UP));
        byte[] diskQuantityBytes = bytes(diskQuantity);

        long rows = 0;
        int[] minutes = new int[24];
        byte[][] hourPrefixes = new byte[24][];
        try (ByteRowSink sink = new ByteRowSink(file)) {
            sink.put(bytes(String.join(",", HEADER) + "\n"));
            for (int d = 0; d < spec.days(); d++) {
                LocalDate day = spec.firstDay().plusDays(d);
                byte[] dayPrefix = bytes(day + ",");
                for (int h = 0; h < 24; h++) {
                    hourPrefixes[h] = bytes(day + "T" + (h < 10 ? "0" : "") + h + ":00:00Z,");
                }
                for (EncodedVm vm : vms) {
                    RunSchedule.fill(vm.vm, day, minutes);
                    int instances = vm.vm.instances();
                    if (spec.granularity() == UsageGranularity.HOURLY) {
                        for (int h = 0; h < 24; h++) {
                            if (minutes[h] > 0) {
                                sink.put(hourPrefixes[h]);
                                sink.put(vm.middle);
                                sink.put(quantity(minutes[h] * instances));
                                sink.put(vm.tail);
                                rows++;
                            }
                        }
                    } else {
                        int total = 0;
                        for (int m : minutes) {
                            total += m;
                        }
                        if (total > 0) {
                            sink.put(dayPrefix);
                            sink.put(vm.middle);
                            sink.put(quantity(total * instances));
                            sink.put(vm.tail);
                            rows++;
                        }
                    }
                }
                // Daily rows of other services: never reservation-eligible, billed as they are.
                for (EncodedVm vm : vms) {
                    if (vm.vm.activeFromMinute() < (day.toEpochDay() + 1) * 1440
                            && vm.vm.activeUntilMinute() > day.toEpochDay() * 1440) {
                        sink.put(dayPrefix);
                        sink.put(vm.diskMiddle);
                        sink.put(diskQuantityBytes);
                        sink.put(vm.diskTail);
                        rows++;
                    }
                }
                for (EncodedSubscription subscription : subscriptions) {
                    sink.put(dayPrefix);
                    sink.put(subscription.storageMiddle);
                    sink.put(subscription.storageQuantity);
                    sink.put(subscription.storageTail);
                    sink.put(dayPrefix);
                    sink.put(subscription.bandwidthMiddle);
                    long milliGigabytes = 500 + Long.remainderUnsigned(
                            RunSchedule.mix(subscription.randomKey ^ day.toEpochDay()), 250_000);
                    sink.put(bytes(BigDecimal.valueOf(milliGigabytes, 3).toPlainString()));
                    sink.put(subscription.bandwidthTail);
                    rows += 2;
                }
            }
            return new GeneratedFile("usage", file, rows, sink.bytesWritten());
        }
    }

    /** Encoded quantity of {@code minutes} running minutes: hours with up to six decimals, no trailing zeros. */
    private byte[] quantity(int minutes) {
        if (minutes >= quantityCache.length) {
            return bytes(hours(minutes));
        }
        byte[] cached = quantityCache[minutes];
        if (cached == null) {
            cached = bytes(hours(minutes));
            quantityCache[minutes] = cached;
        }
        return cached;
    }

    private static String hours(int minutes) {
        return decimal(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP));
    }

    private record EncodedVm(SyntheticVm vm, byte[] middle, byte[] tail, byte[] diskMiddle, byte[] diskTail) {
    }

    private record EncodedSubscription(byte[] storageMiddle, byte[] storageQuantity, byte[] storageTail,
            byte[] bandwidthMiddle, byte[] bandwidthTail, long randomKey) {
    }

    private EncodedVm encode(SyntheticVm vm) {
        SyntheticCustomer customer = vm.customer();
        String location = location(customer, vm.region());
        BigDecimal unitPrice = vm.spot() ? VmCatalog.spotPerHour(vm.size(), vm.region())
                : vm.windows() ? VmCatalog.windowsPerHour(vm.size(), vm.region())
                : VmCatalog.linuxPerHour(vm.size(), vm.region());
        String meterName = vm.size().meterName() + (vm.spot() ? " Spot" : "");
        byte[] middle = bytes(join(customer.customerId(), vm.subscriptionId(), vm.resourceGroup(), vm.resourceUri(),
                location, "Virtual Machines", "Microsoft.Compute", meterName, vm.spot() ? "Spot" : "OnDemand") + ",");
        byte[] tail = bytes("," + join(decimal(unitPrice), PRICING_CURRENCY, customer.billingCurrency(),
                "{\"ServiceType\":\"" + vm.size().armSkuName() + "\"}") + "\n");
        String diskUri = "/subscriptions/" + vm.subscriptionId() + "/resourceGroups/" + vm.resourceGroup()
                + "/providers/Microsoft.Compute/disks/" + vm.name() + "_OsDisk_1";
        // Managed disks are billed by Microsoft.Compute under MeterCategory Storage: eligible service, wrong
        // category, so they must stay uncovered.
        byte[] diskMiddle = bytes(join(customer.customerId(), vm.subscriptionId(), vm.resourceGroup(), diskUri,
                location, "Storage", "Microsoft.Compute", "P10 LRS Disk", "OnDemand") + ",");
        byte[] diskTail = bytes("," + join(DISK_MONTHLY_USD, PRICING_CURRENCY, customer.billingCurrency(), "{}")
                + "\n");
        return new EncodedVm(vm, middle, tail, diskMiddle, diskTail);
    }

    private List<EncodedSubscription> encodeSubscriptions() {
        List<EncodedSubscription> encoded = new ArrayList<>();
        BigDecimal monthDays = BigDecimal.valueOf(spec.period().lengthOfMonth());
        for (SyntheticCustomer customer : fleet.customers()) {
            String location = location(customer, customer.regions().get(0));
            int index = 0;
            for (SyntheticCustomer.Subscription subscription : customer.subscriptions()) {
                index++;
                String resourceGroup = subscription.resourceGroups().get(0);
                String prefix = "/subscriptions/" + subscription.subscriptionId() + "/resourceGroups/" + resourceGroup
                        + "/providers/";
                String storageAccount = "st" + customer.customerId().replace("-", "") + "s" + index;
                byte[] storageMiddle = bytes(join(customer.customerId(), subscription.subscriptionId(), resourceGroup,
                        prefix + "Microsoft.Storage/storageAccounts/" + storageAccount, location, "Storage",
                        "Microsoft.Storage", "Hot LRS Data Stored", "OnDemand") + ",");
                byte[] storageQuantity = bytes(decimal(BigDecimal.valueOf(subscription.storedGigabytes())
                        .divide(monthDays, 6, RoundingMode.HALF_UP)));
                byte[] storageTail = bytes("," + join(STORAGE_GB_MONTH_USD, PRICING_CURRENCY,
                        customer.billingCurrency(), "{}") + "\n");
                byte[] bandwidthMiddle = bytes(join(customer.customerId(), subscription.subscriptionId(),
                        resourceGroup, prefix + "Microsoft.Network/publicIPAddresses/pip-" + resourceGroup, location,
                        "Bandwidth", "Microsoft.Network", "Standard Data Transfer Out", "OnDemand") + ",");
                byte[] bandwidthTail = bytes("," + join(BANDWIDTH_GB_USD, PRICING_CURRENCY,
                        customer.billingCurrency(), "{}") + "\n");
                encoded.add(new EncodedSubscription(storageMiddle, storageQuantity, storageTail, bandwidthMiddle,
                        bandwidthTail, RunSchedule.mix(spec.seed() ^ subscription.subscriptionId().hashCode())));
            }
        }
        return encoded;
    }

    private static String location(SyntheticCustomer customer, AzureRegion region) {
        return customer.camelCaseLocation() ? region.camelCaseName() : region.armName();
    }

    private static String join(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(CsvRowWriter.field(fields[i]));
        }
        return line.toString();
    }

    /** Plain decimal without exponent or trailing zeros: 0.250000 is written 0.25, 1.000000 as 1. */
    static String decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
