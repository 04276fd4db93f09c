package dev.ribilling.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.testing.CliHarness;
import dev.ribilling.testing.H2Database;
import dev.ribilling.testing.JobScenario;
import dev.ribilling.testing.SmallInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Contract section 3, "a daily row for a VM that also has hourly rows that day is rejected", at import: hourly rows
 * earlier in the same file (the same chunk) make the daily row a reject with its line; a daily licence meter of the
 * same VM is billed as it is; the same VM's daily row on another day loads.
 */
@SpringBootTest(properties = H2Database.URL)
class HourlyOverlapImportTests extends JobScenario {

    private static final String VM = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-a";

    private static String row(String date, String category, String quantity) {
        return "c1,s1,rg," + VM + "," + date + "," + category + ",Microsoft.Compute,eastus," + quantity
                + ",0.1,USD," + SmallInput.serviceType("Standard_D2s_v5") + "\n";
    }

    @Test
    void aDailyRowOfAVmWithHourlyRowsInTheSameFileIsRejectedWithItsLine() throws Exception {
        Path in = out.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("customers.csv"),
                "CustomerId,CustomerName,BillingCurrency,PaygMarkupPct,ReservationMarkupPct\nc1,C One,USD,0,0\n");
        Files.writeString(in.resolve("usage.csv"), SmallInput.USAGE_HEADER
                + row("2026-10-03T00:00:00Z", "Virtual Machines", "1")         // line 2
                + row("2026-10-03T01:00:00Z", "Virtual Machines", "1")         // line 3
                + row("2026-10-03", "Virtual Machines", "5")                   // line 4: overlaps
                + row("2026-10-03", "Virtual Machines Licenses", "24")         // line 5: billed as it is
                + row("2026-10-04", "Virtual Machines", "24"));                // line 6: no hourly rows that day

        CliHarness.Result result = cli.run(out, "import", "--input", in.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        Path rejects;
        try (var files = Files.list(out.resolve("rejects"))) {
            rejects = files.filter(p -> p.getFileName().toString().startsWith("usage.csv.")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("4,\"overlaps hourly usage: daily row for /subscriptions/s1/resourcegroups/rg/"
                + "providers/microsoft.compute/virtualmachines/vm-a on 2026-10-03, which has hourly rows that day");
        assertThat(jdbc.queryForList("SELECT line_number FROM " + dev.ribilling.testing.UsageRows.table(jdbc) + " ORDER BY line_number", Long.class))
                .containsExactly(2L, 3L, 5L, 6L);
    }
}
