package dev.ribilling.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerGeneratorTests {

    /** Required columns per file kind, copied from contract section 2 (not from the generator's own constants). */
    private static final Map<String, List<String>> REQUIRED_COLUMNS = Map.of(
            "customers", List.of("CustomerId", "CustomerName", "BillingCurrency", "PaygMarkupPct",
                    "ReservationMarkupPct"),
            "reservations", List.of("ReservationOrderId", "ReservationId", "CustomerId", "SkuName", "Region",
                    "Quantity", "Term", "BillingPlan", "ScopeType", "BenefitStart", "TotalPrice", "PricingCurrency"),
            "prices", List.of("ArmSkuName", "ArmRegionName", "Type", "UnitPrice", "CurrencyCode",
                    "EffectiveStartDate"),
            "isf", List.of("InstanceSizeFlexibilityGroup", "ArmSkuName", "Ratio"),
            "fx-rates", List.of("Date", "FromCurrency", "ToCurrency", "Rate"),
            "usage", List.of("CustomerId", "SubscriptionId", "ResourceGroup", "ResourceURI", "UsageDate",
                    "MeterCategory", "ConsumedService", "ResourceLocation", "Quantity", "UnitPrice",
                    "BillingCurrency", "AdditionalInfo"),
            "partner-invoice", List.of("InvoiceNumber", "CustomerId", "ChargeType", "ReservationOrderId",
                    "ChargeStartDate", "ChargeEndDate", "Quantity", "UnitPrice", "Subtotal", "PricingCurrency"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final VmCatalog CATALOG = VmCatalog.standard(IsfTable.fromClasspath());
    private static final Map<String, List<Map<String, String>>> ROWS_BY_KIND = new HashMap<>();

    @TempDir
    static Path temp;

    private static GeneratorSpec small;
    private static GenerationSummary smallSummary;

    /** Three days of the small preset, so weekdays, partial hours and daily rows all occur. */
    @BeforeAll
    static void generateSmallPartner() {
        small = GeneratorSpec.days(7L, 6, 90, LocalDate.of(2026, 10, 2), 3, UsageGranularity.HOURLY,
                temp.resolve("small"));
        smallSummary = new PartnerGenerator().generate(small);
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws Exception {
        GenerationSummary again = new PartnerGenerator().generate(small.withOutputDir(temp.resolve("again")));

        assertThat(hashes(again)).isEqualTo(hashes(smallSummary));
    }

    @Test
    void differentSeedGivesDifferentFiles() throws Exception {
        GenerationSummary other = new PartnerGenerator().generate(
                small.withSeed(8L).withOutputDir(temp.resolve("other-seed")));

        Map<String, String> mine = hashes(smallSummary);
        Map<String, String> theirs = hashes(other);
        assertThat(theirs.get("usage")).isNotEqualTo(mine.get("usage"));
        assertThat(theirs.get("reservations")).isNotEqualTo(mine.get("reservations"));
        assertThat(theirs.get("isf")).as("the ISF table is always the real one").isEqualTo(mine.get("isf"));
    }

    @Test
    void everyFileHasTheContractsRequiredColumns() throws Exception {
        assertThat(smallSummary.files()).extracting(GeneratedFile::kind)
                .containsExactlyInAnyOrderElementsOf(REQUIRED_COLUMNS.keySet());
        for (GeneratedFile file : smallSummary.files()) {
            assertThat(file.path().getFileName().toString()).startsWith(file.kind());
            Set<String> header = new HashSet<>();
            for (String column : read(file.path()).get(0)) {
                header.add(column.toLowerCase(Locale.ROOT));
            }
            for (String required : REQUIRED_COLUMNS.get(file.kind())) {
                assertThat(header).as(file.kind() + " has " + required).contains(required.toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void rowCountsMatchTheSpecAndTheFiles() throws Exception {
        for (GeneratedFile file : smallSummary.files()) {
            assertThat(read(file.path())).as(file.kind()).hasSize((int) file.rows() + 1);
            assertThat(Files.size(file.path())).isEqualTo(file.bytes());
        }
        assertThat(smallSummary.file("customers").rows()).isEqualTo(small.customers());
        List<Map<String, String>> customers = rows("customers");
        Set<String> nonUsd = new HashSet<>();
        customers.forEach(c -> {
            if (!c.get("BillingCurrency").equals("USD")) {
                nonUsd.add(c.get("BillingCurrency"));
            }
        });
        assertThat(nonUsd).contains("EUR", "JPY");
        assertThat(customers).anySatisfy(c -> assertThat(c.get("ResellerId")).isNotBlank());
        assertThat(smallSummary.file("fx-rates").rows()).isEqualTo(31L * nonUsd.size());

        Set<String> machines = new HashSet<>();
        for (Map<String, String> row : rows("usage")) {
            if (row.get("MeterCategory").equals("Virtual Machines")) {
                machines.add(row.get("ResourceURI"));
            }
        }
        assertThat(machines.size()).isLessThanOrEqualTo(small.totalVms()).isGreaterThan(small.totalVms() * 3 / 4);
    }

    @Test
    void usageRowsParseAndStayInTheSpecsDays() throws Exception {
        Set<String> isfSkus = new HashSet<>();
        rows("isf").forEach(r -> isfSkus.add(r.get("ArmSkuName").toLowerCase(Locale.ROOT)));
        Set<String> customerIds = new HashSet<>();
        rows("customers").forEach(r -> customerIds.add(r.get("CustomerId")));
        boolean sawDailyRow = false;
        boolean sawWindows = false;
        for (Map<String, String> row : rows("usage")) {
            String date = row.get("UsageDate");
            LocalDate day = date.length() == 10 ? LocalDate.parse(date)
                    : LocalDate.ofInstant(Instant.parse(date), ZoneOffset.UTC);
            sawDailyRow |= date.length() == 10;
            assertThat(day).isBetween(small.firstDay(), small.lastDay());
            assertThat(new BigDecimal(row.get("Quantity"))).isPositive();
            assertThat(new BigDecimal(row.get("UnitPrice"))).isPositive();
            assertThat(customerIds).contains(row.get("CustomerId"));
            assertThat(row.get("ResourceURI")).startsWith("/subscriptions/" + row.get("SubscriptionId") + "/resourceGroups/"
                    + row.get("ResourceGroup") + "/providers/");
            JsonNode info = JSON.readTree(row.get("AdditionalInfo"));
            if (row.get("MeterCategory").equals("Virtual Machines")) {
                assertThat(row.get("ConsumedService")).isEqualTo("Microsoft.Compute");
                assertThat(isfSkus).contains(info.get("ServiceType").asText().toLowerCase(Locale.ROOT));
                sawWindows |= row.get("UnitPrice").equals(VmCatalog.windowsPerHour(
                        sizeNamed(info.get("ServiceType").asText()), regionNamed(row.get("ResourceLocation")))
                        .stripTrailingZeros().toPlainString());
            }
        }
        assertThat(sawDailyRow).as("storage and bandwidth rows are daily").isTrue();
        assertThat(sawWindows).isTrue();
        assertThat(rows("usage")).anySatisfy(r -> assertThat(r.get("PricingModel")).isEqualTo("Spot"));
        assertThat(rows("usage")).anySatisfy(r -> assertThat(r.get("MeterCategory")).isEqualTo("Storage"));
    }

    @Test
    void aSingleVmNeverRunsMoreThanItsSlot() throws Exception {
        assertSlotsHold(rows("usage"), 1);
        GenerationSummary daily = new PartnerGenerator().generate(
                small.withGranularity(UsageGranularity.DAILY).withOutputDir(temp.resolve("daily")));
        List<Map<String, String>> dailyRows = rows(daily.file("usage").path());
        assertThat(dailyRows).allSatisfy(r -> assertThat(r.get("UsageDate")).hasSize(10));
        assertSlotsHold(dailyRows, 24);
    }

    private static void assertSlotsHold(List<Map<String, String>> usage, int hoursPerSlot) {
        Map<String, BigDecimal> perVmAndSlot = new HashMap<>();
        for (Map<String, String> row : usage) {
            if (row.get("ResourceURI").contains("/virtualMachines/")) {
                BigDecimal previous = perVmAndSlot.put(row.get("ResourceURI") + "@" + row.get("UsageDate"),
                        new BigDecimal(row.get("Quantity")));
                assertThat(previous).as("one row per VM and slot").isNull();
            }
        }
        assertThat(perVmAndSlot.values()).allSatisfy(q -> assertThat(q).isLessThanOrEqualTo(
                BigDecimal.valueOf(hoursPerSlot)));
        assertThat(perVmAndSlot.values()).anySatisfy(q -> assertThat(q).isLessThan(BigDecimal.valueOf(hoursPerSlot)));
    }

    @Test
    void everyUsedSizeAndRegionHasComputeAndReservationPrices() throws Exception {
        Set<String> priced = new HashSet<>();
        for (Map<String, String> p : rows("prices")) {
            String kind = p.get("Type") + "/" + p.get("ReservationTerm");
            boolean skipped = Stream.of("Spot", "Low Priority", "DevTest", "Windows")
                    .anyMatch(w -> p.get("MeterName").contains(w) || p.get("ProductName").contains(w));
            if (!skipped) {
                priced.add(p.get("ArmSkuName").toLowerCase(Locale.ROOT) + "|" + p.get("ArmRegionName") + "|" + kind);
            }
        }
        for (Map<String, String> row : rows("usage")) {
            if (row.get("MeterCategory").equals("Virtual Machines")) {
                String key = JSON.readTree(row.get("AdditionalInfo")).get("ServiceType").asText()
                        .toLowerCase(Locale.ROOT) + "|" + row.get("ResourceLocation").toLowerCase(Locale.ROOT);
                assertThat(priced).contains(key + "|Consumption/", key + "|Reservation/1 Year",
                        key + "|Reservation/3 Years");
            }
        }
        for (Map<String, String> r : rows("reservations")) {
            String key = r.get("SkuName").toLowerCase(Locale.ROOT) + "|" + r.get("Region");
            assertThat(priced).contains(key + "|Reservation/" + (r.get("Term").equals("P1Y") ? "1 Year" : "3 Years"));
        }
    }

    @Test
    void reservationsAreWellFormedAndPartlyCoverTheSteadyLoad() throws Exception {
        List<Map<String, String>> reservations = rows("reservations");
        assertThat(reservations).isNotEmpty();
        for (Map<String, String> r : reservations) {
            assertThat(r.get("Term")).isIn("P1Y", "P3Y");
            assertThat(r.get("BillingPlan")).isIn("Upfront", "Monthly");
            assertThat(r.get("InstanceFlexibility")).isIn("On", "Off");
            assertThat(Integer.parseInt(r.get("Quantity"))).isPositive();
            switch (r.get("ScopeType")) {
                case "Shared" -> assertThat(r.get("ScopeSubscriptionId")).isEmpty();
                case "Single" -> assertThat(r.get("ScopeSubscriptionId")).isNotEmpty();
                case "ResourceGroup" -> assertThat(r.get("ScopeResourceGroup")).isNotEmpty();
                default -> throw new AssertionError(r.get("ScopeType"));
            }
            assertThat(Instant.parse(r.get("Expiry"))).isAfter(Instant.parse(r.get("BenefitStart")));
        }
        Set<String> orders = new HashSet<>();
        reservations.forEach(r -> orders.add(r.get("ReservationOrderId")));
        assertThat(rows("partner-invoice")).allSatisfy(p -> assertThat(orders).contains(p.get("ReservationOrderId")));
    }

    @Test
    void presetsHaveTheAdvertisedShapes() {
        GeneratorSpec s = GeneratorSpec.preset("S", 1, temp);
        GeneratorSpec m = GeneratorSpec.preset("m", 1, temp);
        GeneratorSpec l = GeneratorSpec.preset("L", 1, temp);
        assertThat(s.days()).isEqualTo(1);
        assertThat(m.totalVms()).isEqualTo(25_000);
        assertThat(m.days()).isEqualTo(1);
        assertThat(m.granularity()).isEqualTo(UsageGranularity.HOURLY);
        assertThat(l.totalVms()).isEqualTo(25_000);
        assertThat(l.days()).isEqualTo(31);
        assertThat(l.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    private static VmSize sizeNamed(String sku) {
        return CATALOG.seriesNames().stream().flatMap(s -> CATALOG.sizes(s).stream())
                .filter(v -> v.armSkuName().equals(sku)).findFirst().orElseThrow();
    }


    private static AzureRegion regionNamed(String location) {
        return Stream.of(AzureRegion.values()).filter(r -> r.armName().equalsIgnoreCase(location)).findFirst()
                .orElseThrow();
    }

    private static Map<String, String> hashes(GenerationSummary summary) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        for (GeneratedFile file : summary.files()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            hashes.put(file.kind(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file.path()))));
        }
        return hashes;
    }

    private static List<Map<String, String>> rows(String kind) throws Exception {
        List<Map<String, String>> rows = ROWS_BY_KIND.get(kind);
        if (rows == null) {
            rows = rows(smallSummary.file(kind).path());
            ROWS_BY_KIND.put(kind, rows);
        }
        return rows;
    }

    private static List<Map<String, String>> rows(Path file) throws Exception {
        List<String[]> lines = read(file);
        String[] header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String[] line : lines.subList(1, lines.size())) {
            assertThat(line).as("field count in " + file.getFileName()).hasSize(header.length);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], line[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String[]> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(reader)) {
            return csv.readAll();
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }
}
