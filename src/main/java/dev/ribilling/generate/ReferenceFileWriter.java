package dev.ribilling.generate;

import dev.ribilling.generate.SyntheticReservation.BillingPlan;
import dev.ribilling.generate.SyntheticReservation.Status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the small input files (customers, reservations, prices, ISF table, fx rates, partner invoice) in the
 * contract's shapes. Every collection iterated here is a list or a sorted map, so the output is stable.
 */
final class ReferenceFileWriter {

    static final String[] CUSTOMER_HEADER = {
            "CustomerId", "CustomerName", "BillingCurrency", "PaygMarkupPct", "ReservationMarkupPct", "ResellerId"};
    static final String[] RESERVATION_HEADER = {
            "ReservationOrderId", "ReservationId", "CustomerId", "SkuName", "Region", "Quantity", "Term",
            "BillingPlan", "ScopeType", "ScopeSubscriptionId", "ScopeResourceGroup", "InstanceFlexibility",
            "BenefitStart", "Expiry", "TotalPrice", "PricingCurrency", "Status", "CancelledAt", "ExchangedFrom",
            "ResellerId"};
    static final String[] PRICE_HEADER = {
            "ArmSkuName", "ArmRegionName", "Type", "UnitPrice", "CurrencyCode", "EffectiveStartDate",
            "ReservationTerm", "MeterName", "ProductName"};
    static final String[] FX_HEADER = {"Date", "FromCurrency", "ToCurrency", "Rate"};
    static final String[] PARTNER_INVOICE_HEADER = {
            "InvoiceNumber", "CustomerId", "ChargeType", "ReservationOrderId", "ChargeStartDate", "ChargeEndDate",
            "Quantity", "UnitPrice", "Subtotal", "PricingCurrency", "PCToBCExchangeRate", "Currency",
            "ResellerMpnId"};

    /** The partner is billed by Microsoft in USD, the currency reservations are priced in: the rate is 1. */
    private static final String PARTNER_CURRENCY = "USD";
    private static final MathContext FULL_PRECISION = MathContext.DECIMAL128;

    private final GeneratorSpec spec;
    private final SyntheticFleet fleet;
    private final String period;

    ReferenceFileWriter(GeneratorSpec spec, SyntheticFleet fleet) {
        this.spec = spec;
        this.fleet = fleet;
        this.period = spec.period().toString();
    }

    GeneratedFile customers() {
        Path file = spec.outputDir().resolve("customers-" + period + ".csv");
        try (CsvRowWriter csv = new CsvRowWriter(file)) {
            csv.row(CUSTOMER_HEADER);
            for (SyntheticCustomer c : fleet.customers()) {
                csv.row(c.customerId(), c.name(), c.billingCurrency(), c.paygMarkupPct().toPlainString(),
                        c.reservationMarkupPct().toPlainString(), c.resellerId());
            }
            return done("customers", file, csv);
        }
    }

    GeneratedFile reservations() {
        Path file = spec.outputDir().resolve("reservations-" + period + ".csv");
        try (CsvRowWriter csv = new CsvRowWriter(file)) {
            csv.row(RESERVATION_HEADER);
            for (SyntheticReservation r : fleet.reservations()) {
                csv.row(r.reservationOrderId(), r.reservationId(), r.customer().customerId(), r.size().armSkuName(),
                        r.region().armName(), Integer.toString(r.quantity()), r.term().name(),
                        r.billingPlan().name(), r.scope().name(), r.scopeSubscriptionId(), r.scopeResourceGroup(),
                        r.instanceFlexibility() ? "On" : "Off", r.benefitStart().toString(), r.expiry().toString(),
                        r.totalPrice().toPlainString(), PARTNER_CURRENCY, r.status().name(),
                        r.cancelledAt() == null ? null : r.cancelledAt().toString(), null, null);
            }
            return done("reservations", file, csv);
        }
    }

    /**
     * The Linux Consumption price and both reservation terms for every size and region in use, plus the Windows,
     * Spot, Low Priority and DevTest rows a real price sheet also holds and the importer must skip.
     */
    GeneratedFile prices() {
        Map<String, VmSize> sizes = new TreeMap<>();
        Map<String, AzureRegion> regions = new TreeMap<>();
        TreeSet<String> pairs = new TreeSet<>();
        for (SyntheticVm vm : fleet.vms()) {
            addPair(pairs, sizes, regions, vm.size(), vm.region());
        }
        for (SyntheticReservation r : fleet.reservations()) {
            addPair(pairs, sizes, regions, r.size(), r.region());
        }
        String effective = spec.period().minusMonths(9).atDay(1).toString();
        Path file = spec.outputDir().resolve("prices-" + period + ".csv");
        try (CsvRowWriter csv = new CsvRowWriter(file)) {
            csv.row(PRICE_HEADER);
            for (String pair : pairs) {
                String[] parts = pair.split("\\|");
                VmSize size = sizes.get(parts[0]);
                AzureRegion region = regions.get(parts[1]);
                String sku = size.armSkuName();
                String arm = region.armName();
                String meter = size.meterName();
                csv.row(sku, arm, "Consumption", plain(VmCatalog.linuxPerHour(size, region)), "USD", effective, null,
                        meter, size.productName());
                for (ReservationTerm term : ReservationTerm.values()) {
                    csv.row(sku, arm, "Reservation", plain(VmCatalog.reservationPerInstance(size, region, term)),
                            "USD", effective, term.priceSheetName(), meter, size.productName());
                }
                csv.row(sku, arm, "Consumption", plain(VmCatalog.windowsPerHour(size, region)), "USD", effective,
                        null, meter, size.productName() + " Windows");
                csv.row(sku, arm, "Consumption", plain(VmCatalog.spotPerHour(size, region)), "USD", effective, null,
                        meter + " Spot", size.productName());
                csv.row(sku, arm, "Consumption", plain(VmCatalog.lowPriorityPerHour(size, region)), "USD", effective,
                        null, meter + " Low Priority", size.productName());
                csv.row(sku, arm, "Consumption", plain(VmCatalog.linuxPerHour(size, region)), "USD", effective, null,
                        meter, size.productName() + " DevTest");
            }
            return done("prices", file, csv);
        }
    }

    private static void addPair(TreeSet<String> pairs, Map<String, VmSize> sizes, Map<String, AzureRegion> regions,
            VmSize size, AzureRegion region) {
        sizes.putIfAbsent(size.armSkuName(), size);
        regions.putIfAbsent(region.armName(), region);
        pairs.add(size.armSkuName() + "|" + region.armName());
    }

    /** The real table, byte for byte. */
    GeneratedFile isf(IsfTable table) {
        Path file = spec.outputDir().resolve("isf-InstanceSizeFlexibility.csv");
        byte[] bytes = table.fileBytes();
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return new GeneratedFile("isf", file, lines - 1, bytes.length);
    }

    /**
     * A daily random walk for every currency a customer is billed in other than USD, over the whole period (charges
     * can fall on any day of it, not only on the usage days).
     */
    GeneratedFile fxRates() {
        TreeSet<String> currencies = new TreeSet<>();
        for (SyntheticCustomer c : fleet.customers()) {
            if (!c.billingCurrency().equals("USD")) {
                currencies.add(c.billingCurrency());
            }
        }
        // Its own random stream, so adding a currency never changes the fleet.
        SplittableRandom random = new SplittableRandom(spec.seed() ^ 0x5EED_F00DL);
        Path file = spec.outputDir().resolve("fx-rates-" + period + ".csv");
        try (CsvRowWriter csv = new CsvRowWriter(file)) {
            csv.row(FX_HEADER);
            for (String currency : currencies) {
                boolean yen = currency.equals("JPY");
                double rate = yen ? 149.5 + 3 * random.nextDouble() : 0.90 + 0.03 * random.nextDouble();
                for (LocalDate day = spec.period().atDay(1); !day.isAfter(spec.period().atEndOfMonth());
                        day = day.plusDays(1)) {
                    rate *= 1 + (random.nextDouble() - 0.5) * 0.005;
                    BigDecimal rounded = BigDecimal.valueOf(rate).setScale(yen ? 4 : 6, RoundingMode.HALF_UP);
                    csv.row(day.toString(), "USD", currency, rounded.toPlainString());
                }
            }
            return done("fx-rates", file, csv);
        }
    }

    /**
     * Microsoft's invoice to the partner for the period: upfront purchases ({@code new}), monthly instalments
     * ({@code new} for the first, {@code cycleCharge} after) and cancellation refunds ({@code cancelImmediate}),
     * computed with the contract's rules so that the variance sheet finds no difference. Subtotal is the charge in
     * the pricing currency times the exchange rate, rounded down to cents.
     */
    GeneratedFile partnerInvoice() {
        String invoiceNumber = "G" + FleetBuilder.zeroPadded(
                (int) Long.remainderUnsigned(RunSchedule.mix(spec.seed()), 1_000_000_000L), 9);
        Path file = spec.outputDir().resolve("partner-invoice-" + period + ".csv");
        try (CsvRowWriter csv = new CsvRowWriter(file)) {
            csv.row(PARTNER_INVOICE_HEADER);
            for (SyntheticReservation r : fleet.reservations()) {
                for (Charge charge : charges(r)) {
                    BigDecimal unitPrice = charge.amount.divide(BigDecimal.valueOf(r.quantity()), 6,
                            RoundingMode.HALF_UP);
                    csv.row(invoiceNumber, r.customer().customerId(), charge.chargeType,
                            r.reservationOrderId(), charge.start.toString(), charge.end.toString(),
                            Integer.toString(r.quantity()), plain(unitPrice),
                            charge.amount.setScale(2, RoundingMode.DOWN).toPlainString(), PARTNER_CURRENCY, "1",
                            PARTNER_CURRENCY, r.customer().resellerId());
                }
            }
            return done("partner-invoice", file, csv);
        }
    }

    private record Charge(String chargeType, LocalDate start, LocalDate end, BigDecimal amount) {
    }

    private List<Charge> charges(SyntheticReservation r) {
        LocalDate startDate = LocalDate.ofInstant(r.benefitStart(), ZoneOffset.UTC);
        LocalDate termEnd = LocalDate.ofInstant(r.expiry(), ZoneOffset.UTC);
        LocalDate cancelDate = r.status() == Status.Cancelled
                ? LocalDate.ofInstant(r.cancelledAt(), ZoneOffset.UTC) : null;
        List<Charge> charges = new ArrayList<>();
        if (r.billingPlan() == BillingPlan.Upfront) {
            if (inPeriod(startDate)) {
                charges.add(new Charge("new", startDate, termEnd.minusDays(1), r.totalPrice()));
            }
            if (cancelDate != null && inPeriod(cancelDate)) {
                BigDecimal remainingShare = BigDecimal.valueOf(ChronoUnit.DAYS.between(cancelDate, termEnd))
                        .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(startDate, termEnd)), FULL_PRECISION);
                charges.add(new Charge("cancelImmediate", cancelDate, termEnd.minusDays(1),
                        r.totalPrice().multiply(remainingShare, FULL_PRECISION).negate()));
            }
            return charges;
        }
        int instalments = 12 * r.term().years();
        BigDecimal instalment = r.totalPrice().divide(BigDecimal.valueOf(instalments), FULL_PRECISION);
        for (int n = 0; n < instalments; n++) {
            LocalDate due = startDate.plusMonths(n);
            LocalDate next = startDate.plusMonths(n + 1L);
            if (cancelDate != null && !due.isBefore(cancelDate)) {
                if (inPeriod(cancelDate) && n > 0) {
                    // Refund the unused part of the instalment that was running when the reservation was cancelled.
                    LocalDate currentDue = startDate.plusMonths(n - 1L);
                    BigDecimal unused = BigDecimal.valueOf(ChronoUnit.DAYS.between(cancelDate, due))
                            .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(currentDue, due)), FULL_PRECISION);
                    charges.add(new Charge("cancelImmediate", cancelDate, due.minusDays(1),
                            instalment.multiply(unused, FULL_PRECISION).negate()));
                }
                break;
            }
            if (inPeriod(due)) {
                charges.add(new Charge(n == 0 ? "new" : "cycleCharge", due, next.minusDays(1), instalment));
            }
        }
        return charges;
    }

    private boolean inPeriod(LocalDate date) {
        return date.getYear() == spec.period().getYear() && date.getMonth() == spec.period().getMonth();
    }

    private static String plain(BigDecimal value) {
        return UsageFileWriter.decimal(value);
    }

    private static GeneratedFile done(String kind, Path file, CsvRowWriter csv) {
        csv.close();
        try {
            return new GeneratedFile(kind, file, csv.dataRows(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
