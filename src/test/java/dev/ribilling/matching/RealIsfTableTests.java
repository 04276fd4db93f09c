package dev.ribilling.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's published ISF table (test copy in src/test/resources/isf) and a real EA amortized export in which
 * a Standard_DS1_v2 reservation covers a Standard_DS2_v2 VM with RINormalizationRatio 2.0.
 */
class RealIsfTableTests {

    private static final String ISF_RESOURCE = "/isf/InstanceSizeFlexibility.csv";
    private static final String EA_RESOURCE = "/ea/EA_AmortizedCost_Small.csv";
    private static final Path SHARED = Path.of("/work/shared/reference-data");

    @Test
    void loadsThePublishedTableAndKnowsItsQuirks() throws Exception {
        List<IsfEntry> entries = readIsf();
        assertThat(entries).hasSize(2437);

        Map<String, Integer> occurrences = new HashMap<>();
        entries.forEach(e -> occurrences.merge(e.skuName().toLowerCase(Locale.ROOT), 1, Integer::sum));
        List<String> repeated = occurrences.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        assertThat(repeated).hasSize(45).allSatisfy(sku -> assertThat(sku).contains("_data_stored_"));
        assertThat(entries).filteredOn(e -> e.skuName().startsWith("Standard_"))
                .extracting(e -> occurrences.get(e.skuName().toLowerCase(Locale.ROOT))).containsOnly(1);

        IsfTable table = IsfTable.of(entries);
        assertThat(table.size()).isEqualTo(occurrences.size());
        assertThat(table.contains("arm_sku_name_placeholder")).isTrue();
        assertThat(table.ratio("Standard_E64s_v3")).isEqualByComparingTo("57.6");
        assertThat(table.group("standard_ng8ads_v620_v1")).isEqualTo("virtual machines ngads_v620_v1  linux");
    }

    @Test
    void ds1ReservationOnDs2VmGivesTheNormalizationRatioOfTheRealExport() throws Exception {
        IsfTable table = IsfTable.of(readIsf());
        assertThat(table.group("Standard_DS1_v2")).isEqualTo("dsv2 series").isEqualTo(table.group("STANDARD_DS2_V2"));
        BigDecimal ratio = table.ratio("Standard_DS2_v2").divide(table.ratio("Standard_DS1_v2"));
        assertThat(ratio).isEqualByComparingTo("2.0");

        CoveredExportRow covered = readCoveredExportRow();
        assertThat(covered.reservationSku()).isEqualTo("Standard_DS1_v2");
        assertThat(covered.vmSize()).isEqualTo("Standard_DS2_v2");
        assertThat(ratio).isEqualByComparingTo(covered.normalizationRatio());

        // Through the engine: a one-instance DS1_v2 reservation, the VM's 8 hours of that day as a daily row.
        Reservation reservation = new Reservation("f39d1c73-af74-4308-9083-fbf5efab37d1", covered.reservationSku(),
                "eastus", BigDecimal.ONE, ScopeType.SHARED, null, null, true,
                MatchingFixtures.DAY.minusDays(10).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                MatchingFixtures.DAY.plusDays(300).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), null);
        UsageRow usage = new UsageRow(1, "9ec51cfd-5ca7-4d76-8101-dd0a4abc5674",
                "MC_ANALYTICSENGINE_ANALYTICSENGINE_EASTUS", "/vmss/aks-agentpool-42850074-vmss", "EastUS",
                covered.vmSize(), UsageEligibility.classify("Virtual Machines", "Microsoft.Compute", "OnDemand",
                        "D2 v2/DS2 v2"), UsageSlot.daily(MatchingFixtures.DAY), covered.quantity());
        MatchResult result = new MatchingEngine(table).match(MatchingFixtures.DAY, List.of(usage), List.of(reservation));

        RowResult row = result.rows().get(0);
        assertThat(row.coveredHours()).isEqualByComparingTo(covered.quantity());
        // Reservation-hours consumed = covered units ÷ ratio of the reservation SKU = Quantity × RINormalizationRatio.
        assertThat(row.coveredUnits().divide(table.ratio(covered.reservationSku())))
                .isEqualByComparingTo(covered.quantity().multiply(covered.normalizationRatio()));
    }

    @Test
    void testCopiesMatchTheSharedReferenceData() throws Exception {
        Path isf = SHARED.resolve("finops-toolkit-isf/InstanceSizeFlexibility.csv");
        Path ea = SHARED.resolve("finops-toolkit-ea-cost-tests/EA_AmortizedCost_Small.csv");
        assumeThat(Files.isReadable(isf) && Files.isReadable(ea)).as("shared reference data present").isTrue();
        assertThat(sha256(resourceBytes(ISF_RESOURCE))).isEqualTo(sha256(Files.readAllBytes(isf)))
                .isEqualTo("edf4595571a5e7f90a14edf17820c4020999cd04fb6c28496dc516a7ea9f4dac");
        assertThat(resourceBytes(EA_RESOURCE)).isEqualTo(Files.readAllBytes(ea));
    }

    /** Reads Microsoft's table with its published header; it is the test's loader, not the product's import. */
    static List<IsfEntry> readIsf() throws Exception {
        List<IsfEntry> entries = new ArrayList<>();
        try (CSVReader csv = new CSVReader(reader(ISF_RESOURCE))) {
            assertThat(csv.readNext()).containsExactly("InstanceSizeFlexibilityGroup", "ArmSkuName", "Ratio");
            for (String[] line = csv.readNext(); line != null; line = csv.readNext()) {
                entries.add(new IsfEntry(line[0], line[1], new BigDecimal(line[2])));
            }
        }
        return entries;
    }

    private record CoveredExportRow(String reservationSku, String vmSize, BigDecimal quantity,
            BigDecimal normalizationRatio) {
    }

    private static CoveredExportRow readCoveredExportRow() throws Exception {
        try (CSVReader csv = new CSVReader(reader(EA_RESOURCE))) {
            List<String> header = List.of(csv.readNext());
            int pricingModel = header.indexOf("PricingModel");
            for (String[] line = csv.readNext(); line != null; line = csv.readNext()) {
                if ("Reservation".equals(line[pricingModel])) {
                    String info = line[header.indexOf("AdditionalInfo")];
                    String orderName = line[header.indexOf("ProductOrderName")];
                    return new CoveredExportRow(orderName.split(",\\s*")[1], jsonField(info, "ServiceType"),
                            new BigDecimal(line[header.indexOf("Quantity")]),
                            new BigDecimal(jsonField(info, "RINormalizationRatio")));
                }
            }
        }
        throw new AssertionError("no reservation-covered row in " + EA_RESOURCE);
    }

    /** Enough JSON for two flat fields of AdditionalInfo. */
    private static String jsonField(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static Reader reader(String resource) throws IOException {
        byte[] bytes = resourceBytes(resource);
        String text = new String(bytes, StandardCharsets.UTF_8);
        // The EA export starts with a byte order mark; the contract accepts one.
        return new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static byte[] resourceBytes(String resource) throws IOException {
        try (InputStream in = RealIsfTableTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
