package dev.ribilling.matching;

import dev.ribilling.testing.UsageRows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.testing.CliHarness;
import dev.ribilling.testing.H2Database;
import dev.ribilling.testing.JobScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The match job reads a customer's usage lines by id ranges where the ids are dense and by padded IN lists where
 * they are scattered: usage that interleaves the customers line by line leaves every customer's line ids scattered,
 * and every row of the day must still be read with its own line's attributes.
 */
@SpringBootTest(properties = H2Database.URL)
class MatchLineLookupTests extends JobScenario {

    private static final String[] CUSTOMERS = {"contoso", "fabrikam", "northwind"};

    @Autowired
    MatchStore store;

    @Test
    void scatteredLineIdsAreReadWithTheirOwnAttributes() throws Exception {
        Path input = out.resolve("in");
        Files.createDirectories(input);
        for (String file : List.of("customers.csv", "isf.csv", "prices.csv", "fx-rates.csv")) {
            Files.copy(MatchScenarioTests.SAMPLE.resolve(file), input.resolve(file));
        }
        StringBuilder usage = new StringBuilder("UsageDate,CustomerId,SubscriptionId,ResourceGroup,ResourceURI,"
                + "ResourceLocation,MeterCategory,MeterName,ConsumedService,PricingModel,Quantity,UnitPrice,"
                + "PricingCurrency,BillingCurrency,AdditionalInfo\n");
        // VM by VM, each customer in turn, a compute and a disk line each: a customer's line ids are 1 and 5 apart.
        for (int vm = 0; vm < 40; vm++) {
            for (String customer : CUSTOMERS) {
                String uri = "/subscriptions/s-" + customer + "/resourceGroups/rg-" + vm % 3
                        + "/providers/Microsoft.Compute/virtualMachines/vm-" + vm;
                usage.append("2026-10-07T05:00:00Z,").append(customer).append(",s-").append(customer).append(",rg-")
                        .append(vm % 3).append(',').append(uri).append(",eastus,Virtual Machines,D2s v5,")
                        .append("Microsoft.Compute,OnDemand,1,0.096,USD,USD,\"{\"\"ServiceType\"\"")
                        .append(":\"\"Standard_D").append(2 + 2 * (vm % 2)).append("s_v5\"\"}\"\n");
                usage.append("2026-10-07,").append(customer).append(",s-").append(customer).append(",rg-")
                        .append(vm % 3).append(',').append(uri).append("-disk,eastus,Storage,P10 Disks,")
                        .append("Microsoft.Compute,OnDemand,0.03,5.28,USD,USD,\n");
            }
        }
        Files.writeString(input.resolve("usage-2026-10.csv"), usage);
        CliHarness.Result imported = cli.run(out, "import", "--input", input.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        for (String customer : CUSTOMERS) {
            List<Long> lineIds = jdbc.queryForList("SELECT DISTINCT line_id FROM usage_pack WHERE customer_id = ? "
                    + "ORDER BY line_id", Long.class, customer);
            assertThat(lineIds).as("scattered").hasSize(80);
            assertThat(lineIds.get(2) - lineIds.get(1)).as("a gap wider than a run allows").isGreaterThan(4);

            DayUsage day = store.usage(customer, LocalDate.of(2026, 10, 7), new HashMap<>());

            assertThat(day.rows()).hasSize(80);
            for (UsageRow row : day.rows()) {
                Map<String, Object> stored = jdbc.queryForMap("SELECT l.subscription_id, l.resource_uri, l.vm_size, "
                        + "l.meter_category FROM " + UsageRows.table(jdbc) + " r JOIN usage_line l ON l.id = r.line_id WHERE r.id = ?",
                        row.id());
                assertThat(row.subscriptionId()).isEqualTo(stored.get("subscription_id"));
                assertThat(row.resourceUri()).isEqualTo(stored.get("resource_uri"));
                assertThat(row.vmSize()).isEqualTo(stored.get("vm_size"));
                assertThat(row.eligibility()).isEqualTo("Storage".equals(stored.get("meter_category"))
                        ? Eligibility.NOT_ELIGIBLE : Eligibility.ANY_RESERVATION);
            }
            Set<Long> readLines = day.lines().values().stream().map(DayUsage.LineRef::lineId)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(readLines).containsExactlyElementsOf(lineIds);
        }
    }
}
