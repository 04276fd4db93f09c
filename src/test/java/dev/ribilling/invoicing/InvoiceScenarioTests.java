package dev.ribilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.testing.CliHarness;
import dev.ribilling.testing.JobScenario;
import dev.ribilling.testing.SmallInput;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The invoice job on the sample partner month: golden invoices, hand-computed reservation lines, reruns byte for
 * byte, the dispute rerun with a revision and a note, and a customer skipped for a missing fx rate.
 */
abstract class InvoiceScenarioTests extends JobScenario {

    static final Path SAMPLE = Path.of("sample-data");
    static final Path GOLDEN = SAMPLE.resolve("expected/invoices");


    private Path invoices() {
        return out.resolve("2026-10/invoices");
    }

    private static List<Path> csvFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    @Test
    void theSampleMonthGivesTheGoldenInvoices() throws Exception {
        CliHarness.Result run = cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<Path> golden = csvFiles(GOLDEN);
        assertThat(golden).hasSize(3);
        for (Path expected : golden) {
            Path actual = invoices().resolve(GOLDEN.relativize(expected));
            assertThat(Files.readString(actual)).as(actual.toString()).isEqualTo(Files.readString(expected));
            assertThat(Files.exists(Path.of(actual.toString().replace(".csv", ".xlsx")))).isTrue();
        }
        // Nothing else: one invoice per customer and bill-to party (no customer has two parties in October).
        assertThat(csvFiles(invoices())).hasSize(3);
    }

    @Test
    void reservationLinesAreTheHandComputedAmounts() throws Exception {
        cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());
        String contoso = Files.readString(invoices().resolve("contoso/INV-2026-000001-R1.csv"));
        // #3 upfront purchase 1640 USD, reservation markup 5 %.
        assertThat(contoso).contains("ReservationPurchase,\"Reservation purchase, 1 × Standard_E4s_v5 westeurope, P1Y, upfront\","
                + "20000000-0000-4000-8000-000000000003,,Standard_E4s_v5,westeurope,1,Instances,1722,1722.00,USD");
        // #2 monthly: 2086 / 12 = 173.8333 x 1.05 = 182.525 -> 182.53 (half up).
        assertThat(contoso).contains(",182.53,USD");
        String fabrikam = Files.readString(invoices().resolve("fabrikam/INV-2026-000002-R1.csv"));
        // #6 cancelled 9 Oct: -min(3400, 3025) x 144 / 365 x 1.04 = -1241.1617 USD, x 0.9189 EUR/USD = -1140.50 EUR.
        BigDecimal refund = new BigDecimal("3025").multiply(new BigDecimal("144")).divide(new BigDecimal("365"),
                java.math.MathContext.DECIMAL128).multiply(new BigDecimal("1.04")).multiply(new BigDecimal("0.9189"))
                .setScale(2, java.math.RoundingMode.HALF_UP).negate();
        assertThat(refund).isEqualByComparingTo("-1140.50");
        assertThat(fabrikam).contains(",-1140.50,EUR");
        // Reservation lines of northwind go to its partner of record, the reseller 5123456.
        assertThat(Files.readString(invoices().resolve("northwind/INV-2026-000003-R1.csv")))
                .contains("INV-2026-000003,1,northwind,5123456,2026-10,ReservationInstalment");
        assertThat(out.resolve("2026-10/resellers/5123456/summary-2026-10.csv")).exists();
    }

    @Test
    void totalsInTheWorkbookEqualTheSumOfTheLinesAndCellsAreNumbers() throws Exception {
        cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());
        BigDecimal csvTotal = BigDecimal.ZERO;
        for (String line : Files.readAllLines(invoices().resolve("contoso/INV-2026-000001-R1.csv")).subList(1, 14)) {
            String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            csvTotal = csvTotal.add(new BigDecimal(cells[14]));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(invoices().resolve("contoso/INV-2026-000001-R1.xlsx").toFile())) {
            boolean foundTotal = false;
            for (Row row : workbook.getSheet("Invoice")) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("Total")) {
                        Cell amount = row.getCell(row.getLastCellNum() - 1);
                        assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(BigDecimal.valueOf(amount.getNumericCellValue())).isEqualByComparingTo(csvTotal);
                        foundTotal = true;
                    }
                }
            }
            assertThat(foundTotal).isTrue();
        }
    }

    @Test
    void rerunningAnInvoicedMonthRewritesTheSameFilesAndNumbers() throws Exception {
        cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());
        Map<Path, String> before = new java.util.TreeMap<>();
        for (Path p : csvFiles(invoices())) {
            before.put(p, Files.readString(p));
        }
        Path xlsx = invoices().resolve("contoso/INV-2026-000001-R1.xlsx");
        byte[] workbookBefore = Files.readAllBytes(xlsx);

        CliHarness.Result again = cli.run(out, "invoice", "--period", "2026-10");

        assertThat(again.exitCode()).as(again.err()).isZero();
        for (Path p : csvFiles(invoices())) {
            assertThat(Files.readString(p)).isEqualTo(before.get(p));
        }
        assertThat(csvFiles(invoices())).hasSameSizeAs(before.keySet());
        assertThat(Files.readAllBytes(xlsx)).as("the xlsx is rewritten byte for byte too").isEqualTo(workbookBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_revision", Integer.class)).isEqualTo(3);
    }

    @Test
    void oneCustomerWithoutAReasonOnAnInvoicedMonthIsABadCommandLine() throws Exception {
        cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());

        CliHarness.Result result = cli.run(out, "invoice", "--period", "2026-10", "--customer", "contoso");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--customer needs --reason");
        assertThat(result.lastRun().get("status").asText()).isEqualTo("INVALID");
    }

    @Test
    void aSubscriptionIsPrintedAsWrittenAndComparedWhateverItsCase() throws Exception {
        Path in = SmallInput.withCustomer(out.resolve("case"), "c1", "C One");
        // A Single-scope reservation names the subscription in lower case; the usage writes it in capitals.
        Files.writeString(in.resolve("reservations.csv"), "ReservationOrderId,ReservationId,CustomerId,SkuName,Region,"
                + "Quantity,Term,BillingPlan,ScopeType,ScopeSubscriptionId,BenefitStart,TotalPrice,PricingCurrency\n"
                + "o1,r1,c1,Standard_D2s_v5,eastus,1,P1Y,Monthly,Single,sub-a,2026-09-01T00:00:00Z,1200,USD\n");
        String vm = "c1,SUB-A,rg,/subscriptions/SUB-A/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/";
        String tail = ",Virtual Machines,Microsoft.Compute,eastus,1,0.5,USD," + SmallInput.serviceType("Standard_D2s_v5") + "\n";
        Files.writeString(in.resolve("usage.csv"), SmallInput.USAGE_HEADER
                + vm + "vm-1,2026-10-05T00:00:00Z" + tail + vm + "vm-2,2026-10-05T00:00:00Z" + tail);

        CliHarness.Result run = cli.run(out, "run", "--period", "2026-10", "--input", in.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String> lines = Files.readAllLines(invoices().resolve("c1/INV-2026-000001-R1.csv"));
        // Of the two D2s_v5 hours one is covered, shared by the VMs (the Single scope matched across the case
        // difference); the other is billed PAYG, on a line labelled as the usage wrote it.
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",PaygUsage,").contains(",SUB-A,Standard_D2s_v5,eastus,1,"));
        assertThat(lines).noneMatch(l -> l.contains(",sub-a,"));
        assertThat(jdbc.queryForObject("SELECT SUM(covered_hours) FROM usage_coverage WHERE customer_id = 'c1'",
                BigDecimal.class)).isEqualByComparingTo("1");
    }

    @Test
    void aDisputeRerunForACustomerThatIsNotLoadedIsABadCommandLine() throws Exception {
        cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());

        CliHarness.Result result = cli.run(out, "invoice", "--period", "2026-10", "--customer", "ghost", "--reason", "x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--customer ghost: no such customer").contains("Nothing was loaded or issued");
        assertThat(result.lastRun().get("status").asText()).isEqualTo("INVALID");
        assertThat(jdbc.queryForObject("SELECT MAX(latest_revision) FROM invoice", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRevisionOfAMonthNotInvoicedYetIsABadCommandLine() throws Exception {
        cli.run(out, "import", "--input", SAMPLE.toString());
        cli.run(out, "match", "--period", "2026-10");

        CliHarness.Result result = cli.run(out, "invoice", "--period", "2026-10", "--customer", "northwind", "--reason",
                "ticket 7");

        // Issuing northwind alone would give it INV-2026-000001 ahead of the (bill-to party, CustomerId) order.
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--customer northwind: 2026-10 is not invoiced yet");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class)).isZero();
        assertThat(cli.run(out, "invoice", "--period", "2026-10").exitCode()).isZero();
        assertThat(jdbc.queryForList("SELECT customer_id FROM invoice ORDER BY sequence_no", String.class))
                .startsWith("contoso");
    }

    @Test
    void aDisputeRerunIssuesRevisionTwoWithTheAdjustmentAndLeavesRevisionOneUntouched() throws Exception {
        cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());
        Path r1 = invoices().resolve("contoso/INV-2026-000001-R1.csv");
        String r1Before = Files.readString(r1);
        // Late usage: 100 more GB of contoso storage on 31 Oct at 0.0206 USD, PAYG markup 10 %.
        Path late = out.resolve("late");
        Files.createDirectories(late);
        Files.writeString(late.resolve("usage-late.csv"), "CustomerId,SubscriptionId,ResourceGroup,ResourceURI,UsageDate,"
                + "MeterCategory,ConsumedService,ResourceLocation,Quantity,UnitPrice,BillingCurrency,AdditionalInfo,PricingModel\n"
                + "contoso,c0a1b2c3-0001-4000-8000-000000000001,rg-web,/subscriptions/c0a1b2c3-0001-4000-8000-000000000001/"
                + "resourceGroups/rg-web/providers/Microsoft.Storage/storageAccounts/late,2026-10-31,Storage,"
                + "Microsoft.Storage,eastus,100,0.0206,USD,,OnDemand\n");
        assertThat(cli.run(out, "import", "--input", late.toString()).exitCode()).isZero();
        assertThat(cli.run(out, "match", "--period", "2026-10", "--date", "2026-10-31").exitCode()).isZero();

        CliHarness.Result dispute = cli.run(out, "invoice", "--period", "2026-10", "--customer", "contoso", "--reason",
                "late storage usage");

        assertThat(dispute.exitCode()).as(dispute.err()).isZero();
        assertThat(Files.readString(r1)).isEqualTo(r1Before);
        List<String> note = Files.readAllLines(invoices().resolve("contoso/INV-2026-000001-R2-note.csv"));
        assertThat(note).hasSize(2);
        // 100 x 0.0206 x 1.10 = 2.266 on the same line key (same subscription, meter, region, PricingModel): the
        // Storage line goes from 10.11999984 (10.12) to 12.38599984 (12.39), rounded once per line: +2.27.
        assertThat(note.get(1)).startsWith("INV-2026-000001,2,contoso,,2026-10,Adjustment,").contains(",Storage,eastus,")
                .endsWith(",2.27,USD");
        List<String> r2 = Files.readAllLines(invoices().resolve("contoso/INV-2026-000001-R2.csv"));
        // Revision 2 holds every line at full amount, then the Adjustment of the changed key right after its line.
        List<String> storage = r2.stream().filter(l -> l.contains(",Storage,eastus,")).toList();
        assertThat(storage).hasSize(2);
        assertThat(storage.get(0)).contains(",PaygUsage,").endsWith(",12.39,USD");
        assertThat(storage.get(1)).isEqualTo(note.get(1));
        assertThat(r2).hasSize(Files.readAllLines(r1).size() + 1);
        assertThat(r2.stream().filter(l -> l.contains(",Adjustment,")).count()).isEqualTo(1);
        BigDecimal fullLines = BigDecimal.ZERO;
        for (String line : r2.subList(1, r2.size())) {
            if (!line.contains(",Adjustment,")) {
                String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
                fullLines = fullLines.add(new BigDecimal(cells[14]));
            }
        }
        // The workbook lists the Adjustment too, but its total is the new full total (the full lines only).
        try (XSSFWorkbook workbook = new XSSFWorkbook(invoices().resolve("contoso/INV-2026-000001-R2.xlsx").toFile())) {
            BigDecimal total = null;
            boolean adjustmentSubtotal = false;
            for (Row row : workbook.getSheet("Invoice")) {
                Cell first = row.getCell(0);
                Cell second = row.getCell(1);
                if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals("Total")) {
                    total = BigDecimal.valueOf(row.getCell(row.getLastCellNum() - 1).getNumericCellValue());
                }
                if (second != null && second.getCellType() == CellType.STRING
                        && second.getStringCellValue().startsWith("Change since the previous revision")) {
                    adjustmentSubtotal = true;
                    assertThat(BigDecimal.valueOf(row.getCell(row.getLastCellNum() - 1).getNumericCellValue()))
                            .isEqualByComparingTo("2.27");
                }
            }
            assertThat(total).isEqualByComparingTo(fullLines);
            assertThat(adjustmentSubtotal).isTrue();
        }
        Map<String, Object> revision = jdbc.queryForMap("SELECT reason, issued_by, total, adjustment_total, inputs "
                + "FROM invoice_revision WHERE invoice_number = 'INV-2026-000001' AND revision = 2");
        assertThat(revision.get("reason")).isEqualTo("late storage usage");
        assertThat((String) revision.get("issued_by")).contains("@");
        assertThat((BigDecimal) revision.get("adjustment_total")).isEqualByComparingTo("2.27");
        BigDecimal r1Total = jdbc.queryForObject("SELECT total FROM invoice_revision WHERE invoice_number = 'INV-2026-000001' "
                + "AND revision = 1", BigDecimal.class);
        assertThat((BigDecimal) revision.get("total")).isEqualByComparingTo(r1Total.add(new BigDecimal("2.27")));
        assertThat((String) revision.get("inputs")).contains("usage-late.csv").contains("\"sha256\":\"");
        // The other customers were not touched.
        assertThat(jdbc.queryForObject("SELECT MAX(latest_revision) FROM invoice WHERE customer_id <> 'contoso'",
                Integer.class)).isEqualTo(1);

        CliHarness.Result again = cli.run(out, "invoice", "--period", "2026-10", "--customer", "contoso", "--reason",
                "checking again");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("no line of INV-2026-000001 changed: no revision made");
        assertThat(invoices().resolve("contoso/INV-2026-000001-R3.csv")).doesNotExist();
    }

    @Test
    void usageFollowsTheLatestCustomerVersionWhileReservationLinesKeepTheTermsFrozenAtTheirFirstLoad() throws Exception {
        assertThat(cli.run(out, "import", "--input", SAMPLE.toString()).exitCode()).isZero();
        // Loaded after October like the first version: contoso moves to reseller R-NEW with a 20 % PAYG markup.
        Path changed = out.resolve("customers-change");
        Files.createDirectories(changed);
        Files.writeString(changed.resolve("customers-v2.csv"), Files.readString(SAMPLE.resolve("customers.csv"))
                .replace("contoso,Contoso Ltd,USD,10,5,", "contoso,Contoso Ltd,USD,20,5,R-NEW"));
        assertThat(cli.run(out, "import", "--input", changed.toString()).exitCode()).isZero();
        assertThat(cli.run(out, "match", "--period", "2026-10").exitCode()).isZero();

        CliHarness.Result invoice = cli.run(out, "invoice", "--period", "2026-10");

        assertThat(invoice.exitCode()).as(invoice.err()).isZero();
        // Direct (empty bill-to party) comes first: the reservation lines, frozen with the first version's terms.
        List<String> direct = Files.readAllLines(invoices().resolve("contoso/INV-2026-000001-R1.csv"));
        assertThat(direct.subList(1, direct.size())).allSatisfy(l -> assertThat(l)
                .startsWith("INV-2026-000001,1,contoso,,2026-10,Reservation"));
        assertThat(direct).anySatisfy(l -> assertThat(l).contains("ReservationPurchase,").endsWith(",1722.00,USD"));
        // The usage lines go to R-NEW at the new markup: Standard_B2ms 744 h at 0.175195... x 1.20 (was 143.38 at 10 %).
        // Numbers go in (bill-to party, CustomerId) order: direct contoso, direct fabrikam, 5123456 northwind, R-NEW contoso.
        List<String> reseller = Files.readAllLines(invoices().resolve("contoso/INV-2026-000004-R1.csv"));
        assertThat(reseller.subList(1, reseller.size())).allSatisfy(l -> assertThat(l)
                .startsWith("INV-2026-000004,1,contoso,R-NEW,2026-10,"));
        assertThat(reseller).anySatisfy(l -> assertThat(l).contains(",PaygUsage,").contains(",Standard_B2ms,eastus,744,")
                .endsWith(",156.42,USD"));
    }

    @Test
    void aCustomerWithoutAnFxRateIsSkippedAndTheOthersAreIssued() throws Exception {
        Path input = out.resolve("no-fx");
        Files.createDirectories(input);
        for (String name : List.of("customers.csv", "reservations.csv", "isf.csv", "prices.csv", "usage-2026-10.csv")) {
            Files.copy(SAMPLE.resolve(name), input.resolve(name));
        }

        CliHarness.Result run = cli.run(out, "run", "--period", "2026-10", "--input", input.toString());

        assertThat(run.exitCode()).as("a skipped customer is a warning").isZero();
        assertThat(invoices().resolve("fabrikam")).doesNotExist();
        assertThat(invoices().resolve("contoso")).exists();
        assertThat(invoices().resolve("northwind")).exists();
        assertThat(run.lastRun().get("warnings").toString()).contains("fabrikam").contains("not invoiced");
    }
}
