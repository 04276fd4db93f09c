package dev.ribilling.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.testing.CliHarness;
import dev.ribilling.testing.JobScenario;
import dev.ribilling.testing.SmallInput;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The match job on the sample partner month: golden utilization files, the hand-computed utilization of each
 * scenario (sample-data/README.md), re-matching a day without duplicates, late usage, and a missing price.
 */
abstract class MatchScenarioTests extends JobScenario {

    static final Path SAMPLE = Path.of("sample-data");
    static final String R = "20000000-0000-4000-8000-0000000000";


    private Path monthly() {
        return out.resolve("2026-10/utilization-2026-10.csv");
    }

    private Path daily() {
        return out.resolve("2026-10/utilization-daily-2026-10.csv");
    }

    /** ReservationId -> the CSV row's cells by column name. */
    private static Map<String, Map<String, String>> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.put(cells[0] + (row.containsKey("Date") ? "|" + row.get("Date") : ""), row);
        }
        return rows;
    }

    @Test
    void theSampleMonthMatchesTheGoldenUtilizationFiles() throws Exception {
        CliHarness.Result run = cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(Files.readString(monthly())).isEqualTo(Files.readString(SAMPLE.resolve("expected/utilization-2026-10.csv")));
        assertThat(Files.readString(daily()))
                .isEqualTo(Files.readString(SAMPLE.resolve("expected/utilization-daily-2026-10.csv")));
    }

    @Test
    void aCustomerWhoseOnlyReservationIsCancelledBeforeTheMonthLosesItsEarlierResults() throws Exception {
        Path first = SmallInput.withCustomer(out.resolve("first"), "idle", "Idle Ltd");
        String header = "ReservationOrderId,ReservationId,CustomerId,SkuName,Region,Quantity,Term,BillingPlan,ScopeType,"
                + "BenefitStart,TotalPrice,PricingCurrency,Status,CancelledAt\n";
        Files.writeString(first.resolve("reservations.csv"), header
                + "o-idle,r-idle,idle,Standard_D4s_v5,eastus,1,P1Y,Monthly,Shared,2026-09-01T00:00:00Z,1200,USD,Active,\n");
        assertThat(cli.run(out, "run", "--period", "2026-10", "--input", first.toString()).exitCode()).isZero();
        assertThat(rows(monthly())).containsKey("r-idle");
        // A later file cancels it on 20 September: no capacity in October, and the customer has no usage.
        Path second = out.resolve("second");
        Files.createDirectories(second);
        Files.writeString(second.resolve("reservations-cancel.csv"), header + "o-idle,r-idle,idle,Standard_D4s_v5,"
                + "eastus,1,P1Y,Monthly,Shared,2026-09-01T00:00:00Z,1200,USD,Cancelled,2026-09-20T00:00:00Z\n");
        assertThat(cli.run(out, "import", "--input", second.toString()).exitCode()).isZero();

        CliHarness.Result rematch = cli.run(out, "match", "--period", "2026-10");

        assertThat(rematch.exitCode()).as(rematch.out() + rematch.err()).isZero();
        assertThat(rows(monthly())).doesNotContainKey("r-idle");
        assertThat(Files.readAllLines(daily())).noneMatch(l -> l.startsWith("r-idle,"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation_day WHERE customer_id = 'idle'", Integer.class))
                .isZero();
    }

    @Test
    void aDailyRowLoadedBeforeItsVmsHourlyRowsIsLeftOutByTheMatchWithAnAlertNamingItsFileAndLine() throws Exception {
        Path in = SmallInput.withCustomer(out.resolve("overlap"), "c1", "C One");
        Files.writeString(in.resolve("reservations.csv"), "ReservationOrderId,ReservationId,CustomerId,SkuName,Region,"
                + "Quantity,Term,BillingPlan,ScopeType,BenefitStart,TotalPrice,PricingCurrency\n"
                + "o1,r1,c1,Standard_D2s_v5,eastus,1,P1Y,Monthly,Shared,2026-09-01T00:00:00Z,1200,USD\n");
        String header = SmallInput.USAGE_HEADER;
        String vm = "c1,s1,rg,/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-a,";
        String tail = ",Virtual Machines,Microsoft.Compute,eastus,%s,0.1,USD," + SmallInput.serviceType("Standard_D2s_v5") + "\n";
        // The daily row is imported first, on its own: it cannot be checked against hourly rows not loaded yet.
        Files.writeString(in.resolve("usage-a.csv"), header + vm + "2026-10-03" + tail.formatted("10"));
        assertThat(cli.run(out, "import", "--input", in.toString()).exitCode()).isZero();
        Path later = out.resolve("later");
        Files.createDirectories(later);
        Files.writeString(later.resolve("usage-b.csv"), header + vm + "2026-10-03T05:00:00Z" + tail.formatted("1"));

        CliHarness.Result run = cli.run(out, "run", "--period", "2026-10", "--input", later.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(jdbc.queryForList("SELECT message FROM billing_alert WHERE kind = 'OVERLAPS_HOURLY_USAGE'", String.class))
                .singleElement().asString().startsWith("daily usage row at line 2 of usage-a.csv (input file ")
                .contains("overlaps hourly usage of the same VM on 2026-10-03");
        // Only the hourly row is covered on 3 October (1 h of a ratio-2 size): the daily row takes no capacity.
        assertThat(rows(daily()).get("r1|2026-10-03")).containsEntry("UsedUnits", "2.000000");
    }

    @Test
    void utilizationOfEachScenarioIsTheHandComputedRatioOfSums() throws Exception {
        cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());
        Map<String, Map<String, String>> m = rows(monthly());

        // #1: 8 units x 744 h; web-02 deleted 18 Oct 14:20 (0.333333 h in its last hour): 8, then 6.666666, then 6.
        assertThat(m.get(R + "01")).containsEntry("CapacityUnits", "5952.000000").containsEntry("UsedUnits", "5308.666666")
                .containsEntry("Utilization", "0.8919");
        // #2 bought 14 Oct 13:00: 8 x 419 h, all used by sql-01.
        assertThat(m.get(R + "02")).containsEntry("CapacityUnits", "3352.000000").containsEntry("Utilization", "1.0000");
        // #3 from 1 Oct 09:15 (0.75 h in the first hour), ISF off, business hours only: savings negative.
        assertThat(m.get(R + "03")).containsEntry("CapacityUnits", "2939.000000").containsEntry("Utilization", "0.3075");
        assertThat(new BigDecimal(m.get(R + "03").get("Savings"))).isNegative();
        // #4 expires 20 Oct 08:00: 4 x 464 h.
        assertThat(m.get(R + "04")).containsEntry("CapacityUnits", "1856.000000").containsEntry("Utilization", "1.0000");
        // #5 hourly 6 x 744 + erp-02 2 x 209 = 4882, plus legacy-01's daily rows on the leftover: 128.
        assertThat(m.get(R + "05")).containsEntry("UsedUnits", "5010.000000").containsEntry("Utilization", "0.8417");
        // #6 cancelled 9 Oct 15:30: 8 x 207.5 h.
        assertThat(m.get(R + "06")).containsEntry("CapacityUnits", "1660.000000");
        // #7 exchanged 16 Oct 10:00: 8 x 370 h, half used.
        assertThat(m.get(R + "07")).containsEntry("CapacityUnits", "2960.000000").containsEntry("Utilization", "0.5000");
        // #8 from 16 Oct 10:00:30: 8 x 373.991667 h.
        assertThat(m.get(R + "08")).containsEntry("CapacityUnits", "2991.933333").containsEntry("Utilization", "1.0000");
        // #9 B2ms (2) and B1ms (0.5) share 4 units.
        assertThat(m.get(R + "09")).containsEntry("UsedUnits", "2724.000000").containsEntry("Utilization", "0.9153");
        // #10 ISF off: worker-02 (D4s_v5) stays PAYG.
        assertThat(m.get(R + "10")).containsEntry("CapacityUnits", "4464.000000").containsEntry("Utilization", "0.3819");

        // Amortized cost: #3 1640 / 365 per day from 1 Oct = 31 days.
        assertThat(m.get(R + "03").get("AmortizedCost")).isEqualTo(new BigDecimal("1640").multiply(new BigDecimal(31))
                .divide(new BigDecimal(365), 2, java.math.RoundingMode.HALF_UP).toPlainString());
        // The daily file has one row per reservation and day with capacity: #4 has 20 days (until 20 Oct 08:00).
        assertThat(rows(daily()).keySet().stream().filter(k -> k.startsWith(R + "04|")).count()).isEqualTo(20);
        assertThat(rows(daily()).get(R + "04|2026-10-20")).containsEntry("CapacityUnits", "32.000000")
                .containsEntry("AmortizedCost", "0.00");
    }

    @Test
    void matchingADayAgainReplacesItsResultsWithoutDuplicates() throws Exception {
        cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());
        Map<String, Object> before = counts();
        String monthlyBefore = Files.readString(monthly());

        CliHarness.Result again = cli.run(out, "match", "--period", "2026-10", "--date", "2026-10-18");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(counts()).isEqualTo(before);
        assertThat(Files.readString(monthly())).isEqualTo(monthlyBefore);
        assertThat(again.lastRun().get("parameters").get("date").asText()).isEqualTo("2026-10-18");
    }

    private Map<String, Object> counts() {
        return jdbc.queryForMap("SELECT (SELECT COUNT(*) FROM usage_coverage) c, (SELECT COUNT(*) FROM usage_allocation) a, "
                + "(SELECT COUNT(*) FROM reservation_day) d, (SELECT COUNT(*) FROM billing_alert) al, "
                + "(SELECT SUM(used_units) FROM reservation_day) u");
    }

    @Test
    void lateUsageForAPastDayIsCoveredWhenThatDayIsMatchedAgain() throws Exception {
        cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());
        String before = rows(monthly()).get(R + "10").get("UsedUnits");
        // A D2s_v5 VM of northwind (ratio 2) ran 10 hours on 5 Oct; #10 (3 x D2s_v5, shared) has room for it.
        Path late = out.resolve("late");
        Files.createDirectories(late);
        StringBuilder csv = new StringBuilder("CustomerId,SubscriptionId,ResourceGroup,ResourceURI,UsageDate,MeterCategory,"
                + "ConsumedService,ResourceLocation,Quantity,UnitPrice,BillingCurrency,AdditionalInfo,PricingCurrency\n");
        for (int h = 0; h < 10; h++) {
            csv.append("northwind,late-sub,rg-late,/subscriptions/late-sub/resourceGroups/rg-late/providers/Microsoft.Compute/"
                    + "virtualMachines/late-01,2026-10-05T").append(String.format("%02d", h)).append(":00:00Z,Virtual Machines,"
                    + "Microsoft.Compute,eastus,1,0.096,USD,\"{\"\"ServiceType\"\":\"\"Standard_D2s_v5\"\"}\",USD\n");
        }
        Files.writeString(late.resolve("usage-late.csv"), csv);
        assertThat(cli.run(out, "import", "--input", late.toString()).exitCode()).isZero();

        CliHarness.Result rematch = cli.run(out, "match", "--period", "2026-10", "--date", "2026-10-05");

        assertThat(rematch.exitCode()).isZero();
        BigDecimal after = new BigDecimal(rows(monthly()).get(R + "10").get("UsedUnits"));
        assertThat(after.subtract(new BigDecimal(before))).isEqualByComparingTo("20");
    }

    @Test
    void aCoveredSizeWithoutAComputePriceLeavesPaygAndSavingsEmptyAndRaisesAnAlert() throws Exception {
        Path input = out.resolve("no-price");
        Files.createDirectories(input);
        for (String name : List.of("customers.csv", "reservations.csv", "isf.csv", "fx-rates.csv", "usage-2026-10.csv")) {
            Files.copy(SAMPLE.resolve(name), input.resolve(name));
        }
        // The price sheet without any Standard_E4s_v5 row: reservation #3 covers dev-01 (E4s_v5) with no price.
        List<String> prices = Files.readAllLines(SAMPLE.resolve("prices.csv")).stream()
                .filter(l -> !l.toLowerCase().contains("standard_e4s_v5")).toList();
        Files.write(input.resolve("prices.csv"), prices);

        CliHarness.Result run = cli.run(out, "run", "--period", "2026-10", "--input", input.toString());

        assertThat(run.exitCode()).isZero();
        Map<String, String> r3 = rows(monthly()).get(R + "03");
        assertThat(r3.get("PaygEquivalent")).isEmpty();
        assertThat(r3.get("Savings")).isEmpty();
        assertThat(r3.get("AmortizedCost")).isNotEmpty();
        assertThat(rows(monthly()).get(R + "01").get("PaygEquivalent")).isNotEmpty();
        assertThat(run.lastRun().get("warnings").findValuesAsText("reason"))
                .anyMatch(w -> w.startsWith("no compute price for standard_e4s_v5 westeurope on"));
    }

    @Test
    void explainShowsHourByHourWhichReservationCoveredWhatAndWhatWasLeftToPayg() throws Exception {
        cli.run(out, "run", "--period", "2026-10", "--input", SAMPLE.toString());

        CliHarness.Result vm = cli.run(out, "explain", "--date", "2026-10-18", "--resource",
                "/subscriptions/c0a1b2c3-0001-4000-8000-000000000001/resourceGroups/rg-web/providers/Microsoft.Compute/"
                        + "virtualMachines/web-02");
        assertThat(vm.exitCode()).as(vm.err()).isZero();
        List<String> hours = vm.out().lines().filter(l -> l.matches("^\\d\\d:00 .*")).toList();
        assertThat(hours).hasSize(15);
        // web-02 was deleted at 14:20: a third of its last hour, 2/3 of a unit, covered by #1.
        assertThat(hours.get(14)).contains("0.333333", "0.666666", R + "01").endsWith("0.000000");

        CliHarness.Result reservation = cli.run(out, "explain", "--date", "2026-10-14", "--reservation", R + "02");
        assertThat(reservation.exitCode()).isZero();
        // Bought 14 Oct 13:00: capacity from the 13:00 hour only, 11 hours of 8 units.
        assertThat(reservation.out()).containsPattern("day +88\\.000000 +88\\.000000 +utilization 1\\.0000");
        assertThat(reservation.out().lines().filter(l -> l.matches("^\\d\\d:00 .*")).toList()).hasSize(11);
        assertThat(Files.list(out.resolve("explain")).count()).isEqualTo(2);
    }
}
