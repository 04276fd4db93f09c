package dev.ribilling.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that the hand-designed sample month says what sample-data/README.md claims it says. */
class SampleDataTests {

    private static final Path DIR = Path.of("sample-data");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void checkedInUsageIsWhatSampleDataWriterWrites() throws Exception {
        String expected = SampleDataWriter.render(DIR.resolve("prices.csv"));
        assertThat(Files.readString(DIR.resolve(SampleDataWriter.USAGE_FILE)))
                .as("regenerate with SampleDataWriter after changing it or prices.csv")
                .isEqualTo(expected);
    }

    @Test
    void everyFileIsRecognisedAndHasTheRequiredColumns() throws Exception {
        Map<String, List<String>> required = Map.of(
                "customers", List.of("CustomerId", "CustomerName", "BillingCurrency", "PaygMarkupPct",
                        "ReservationMarkupPct"),
                "reservations", List.of("ReservationOrderId", "ReservationId", "CustomerId", "SkuName", "Region",
                        "Quantity", "Term", "BillingPlan", "ScopeType", "BenefitStart", "TotalPrice",
                        "PricingCurrency"),
                "prices", List.of("ArmSkuName", "ArmRegionName", "Type", "UnitPrice", "CurrencyCode",
                        "EffectiveStartDate"),
                "isf", List.of("InstanceSizeFlexibilityGroup", "ArmSkuName", "Ratio"),
                "fx-rates", List.of("Date", "FromCurrency", "ToCurrency", "Rate"),
                "usage", List.of("CustomerId", "SubscriptionId", "ResourceGroup", "ResourceURI", "UsageDate",
                        "MeterCategory", "ConsumedService", "ResourceLocation", "Quantity", "UnitPrice",
                        "BillingCurrency", "AdditionalInfo"),
                "partner-invoice", List.of("InvoiceNumber", "CustomerId", "ChargeType", "ReservationOrderId",
                        "ChargeStartDate", "ChargeEndDate", "Quantity", "UnitPrice", "Subtotal", "PricingCurrency"));
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(DIR)) {
            list.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(files::add);
        }
        try (var list = Files.list(DIR.resolve("bad"))) {
            list.sorted().forEach(files::add);
        }
        Set<String> kinds = new TreeSet<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String kind = required.keySet().stream().filter(name::startsWith).findFirst().orElseThrow(
                    () -> new AssertionError(name + " has no recognised prefix"));
            kinds.add(kind);
            List<String[]> lines = read(file);
            Set<String> header = new HashSet<>();
            for (String column : lines.get(0)) {
                header.add(column.replace("\uFEFF", "").toLowerCase(Locale.ROOT));
            }
            for (String column : required.get(kind)) {
                assertThat(header).as(name + " has " + column).contains(column.toLowerCase(Locale.ROOT));
            }
            for (String[] line : lines) {
                assertThat(line).as("field count in " + name).hasSize(lines.get(0).length);
            }
        }
        assertThat(kinds).isEqualTo(required.keySet().stream().collect(Collectors.toCollection(TreeSet::new)));
        assertThat(Files.readAllBytes(DIR.resolve("isf.csv"))).isEqualTo(IsfTable.fromClasspath().fileBytes());
    }

    @Test
    void usageKeepsEveryVmWithinItsSlotAndIsFullyPriced() throws Exception {
        Set<String> priced = new HashSet<>();
        for (Map<String, String> p : rows("prices.csv")) {
            priced.add(p.get("ArmSkuName") + "|" + p.get("ArmRegionName") + "|" + p.get("Type") + "|"
                    + p.get("ReservationTerm"));
        }
        Map<String, BigDecimal> perSlot = new HashMap<>();
        Map<String, Set<String>> slotKindsPerVmDay = new HashMap<>();
        Set<String> vms = new TreeSet<>();
        Set<String> regions = new TreeSet<>();
        for (Map<String, String> row : rows(SampleDataWriter.USAGE_FILE)) {
            String uri = row.get("ResourceURI");
            String date = row.get("UsageDate");
            if (!uri.contains("/virtualMachines/")) {
                assertThat(row.get("MeterCategory")).isNotEqualTo("Virtual Machines");
                continue;
            }
            BigDecimal quantity = new BigDecimal(row.get("Quantity"));
            assertThat(perSlot.put(uri + "@" + date, quantity)).as("one row per VM and slot").isNull();
            assertThat(quantity).isPositive().isLessThanOrEqualTo(BigDecimal.valueOf(date.length() == 10 ? 24 : 1));
            slotKindsPerVmDay.computeIfAbsent(uri + "@" + date.substring(0, 10), k -> new HashSet<>())
                    .add(date.length() == 10 ? "daily" : "hourly");
            if (date.length() > 10) {
                assertThat(Instant.parse(date).atOffset(ZoneOffset.UTC).getMinute()).isZero();
            }
            String sku = JSON.readTree(row.get("AdditionalInfo")).get("ServiceType").asText();
            String region = row.get("ResourceLocation").replace(" ", "").toLowerCase(Locale.ROOT);
            assertThat(priced).contains(sku + "|" + region + "|Consumption|", sku + "|" + region
                    + "|Reservation|1 Year", sku + "|" + region + "|Reservation|3 Years");
            vms.add(uri);
            regions.add(region);
        }
        assertThat(slotKindsPerVmDay.values()).allSatisfy(kinds -> assertThat(kinds).hasSize(1));
        assertThat(vms).hasSizeBetween(18, 24);
        assertThat(regions).contains("eastus", "westeurope", "northeurope");
    }

    @Test
    void reservationsCoverEveryScenarioTheReadmeLists() throws Exception {
        List<Map<String, String>> reservations = rows("reservations.csv");
        assertThat(reservations).hasSizeBetween(9, 12);
        assertThat(reservations).extracting(r -> r.get("ScopeType"))
                .contains("Shared", "Single", "ResourceGroup");
        assertThat(reservations).extracting(r -> r.get("InstanceFlexibility")).contains("On", "Off");
        assertThat(reservations).extracting(r -> r.get("BillingPlan")).contains("Upfront", "Monthly");
        assertThat(reservations).extracting(r -> r.get("Term")).contains("P1Y", "P3Y");
        assertThat(reservations).allSatisfy(r -> assertThat(r.get("PricingCurrency")).isEqualTo("USD"));
        assertThat(reservations).anySatisfy(r -> assertThat(r.get("BenefitStart")).isEqualTo("2026-10-14T13:00:00Z"));
        assertThat(reservations).anySatisfy(r -> {
            assertThat(r.get("Status")).isEqualTo("Cancelled");
            assertThat(r.get("CancelledAt")).startsWith("2026-10-");
        });
        assertThat(reservations).anySatisfy(r -> assertThat(r.get("Expiry")).startsWith("2026-10-"));

        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        reservations.forEach(r -> byId.put(r.get("ReservationId"), r));
        Map<String, String> replacement = reservations.stream().filter(r -> !r.get("ExchangedFrom").isEmpty())
                .findFirst().orElseThrow();
        Map<String, String> returned = byId.get(replacement.get("ExchangedFrom"));
        assertThat(returned.get("Status")).isEqualTo("Exchanged");
        Instant cancelledAt = Instant.parse(returned.get("CancelledAt"));
        assertThat(Duration.between(cancelledAt, Instant.parse(replacement.get("BenefitStart"))))
                .isBetween(Duration.ZERO, Duration.ofMinutes(1));
        assertThat(new BigDecimal(replacement.get("TotalPrice")))
                .isGreaterThanOrEqualTo(monthlyRemainingCommitment(returned));
    }

    /** Contract 4: unpaid instalments plus the unused part of the current one. */
    private static BigDecimal monthlyRemainingCommitment(Map<String, String> r) {
        assertThat(r.get("BillingPlan")).isEqualTo("Monthly");
        int instalments = r.get("Term").equals("P1Y") ? 12 : 36;
        BigDecimal instalment = new BigDecimal(r.get("TotalPrice")).divide(BigDecimal.valueOf(instalments),
                MathContext.DECIMAL128);
        LocalDate start = LocalDate.ofInstant(Instant.parse(r.get("BenefitStart")), ZoneOffset.UTC);
        LocalDate cancel = LocalDate.ofInstant(Instant.parse(r.get("CancelledAt")), ZoneOffset.UTC);
        int paid = 0;
        while (paid < instalments && start.plusMonths(paid).isBefore(cancel)) {
            paid++;
        }
        LocalDate current = start.plusMonths(paid - 1L);
        LocalDate next = start.plusMonths(paid);
        BigDecimal unusedShare = BigDecimal.valueOf(ChronoUnit.DAYS.between(cancel, next))
                .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(current, next)), MathContext.DECIMAL128);
        return instalment.multiply(BigDecimal.valueOf(instalments - paid)).add(instalment.multiply(unusedShare));
    }

    @Test
    void partnerInvoiceHasOneUnknownReservationAndOneRowOffByCents() throws Exception {
        Map<String, Map<String, String>> orders = new HashMap<>();
        rows("reservations.csv").forEach(r -> orders.put(r.get("ReservationOrderId"), r));
        List<Map<String, String>> invoice = rows("partner-invoice-2026-10.csv");
        assertThat(invoice.stream().filter(p -> !orders.containsKey(p.get("ReservationOrderId")))).hasSize(1);

        List<String> offByCents = new ArrayList<>();
        for (Map<String, String> p : invoice) {
            Map<String, String> r = orders.get(p.get("ReservationOrderId"));
            if (r == null || p.get("ChargeType").equals("cancelImmediate")) {
                continue;
            }
            BigDecimal total = new BigDecimal(r.get("TotalPrice"));
            BigDecimal expected = r.get("BillingPlan").equals("Upfront") ? total
                    : total.divide(BigDecimal.valueOf(r.get("Term").equals("P1Y") ? 12 : 36), MathContext.DECIMAL128);
            expected = expected.multiply(new BigDecimal(p.get("PCToBCExchangeRate"))).setScale(2, RoundingMode.DOWN);
            if (expected.compareTo(new BigDecimal(p.get("Subtotal"))) != 0) {
                offByCents.add(r.get("ReservationId") + " expected " + expected + " got " + p.get("Subtotal"));
            }
        }
        assertThat(offByCents).containsExactly("20000000-0000-4000-8000-000000000009 expected 75.33 got 75.36");

        // The upfront refund uses the lower current price (3025 since June) over 144 of 365 days.
        assertThat(invoice).anySatisfy(p -> {
            assertThat(p.get("ReservationOrderId")).endsWith("000000000006");
            assertThat(p.get("Subtotal")).isEqualTo("-1193.42");
        });
    }

    @Test
    void fxRatesLeaveNoGapLongerThanAWeekendThroughEarlyNovember() throws Exception {
        TreeSet<LocalDate> dates = new TreeSet<>();
        rows("fx-rates.csv").forEach(r -> dates.add(LocalDate.parse(r.get("Date"))));
        assertThat(dates.first()).isBefore(LocalDate.of(2026, 10, 1));
        assertThat(dates.last()).isAfter(LocalDate.of(2026, 11, 1));
        for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 11, 6)); d = d.plusDays(1)) {
            assertThat(ChronoUnit.DAYS.between(dates.floor(d), d)).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theBomFileHasABomAndCrlfLineEndings() throws Exception {
        byte[] bytes = Files.readAllBytes(DIR.resolve("bad/usage-bom-crlf.csv"));
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n", -1)).hasSize(text.split("\n", -1).length);
    }

    private static List<Map<String, String>> rows(String file) throws Exception {
        List<String[]> lines = read(DIR.resolve(file));
        String[] header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String[] line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], line[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String[]> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (Reader reader = new StringReader(text); CSVReader csv = new CSVReader(reader)) {
            return csv.readAll();
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }
}
