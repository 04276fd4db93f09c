package dev.ribilling.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small input folder for a scenario test: the sample month's isf table and price sheet, one USD customer without
 * markup, and whatever reservations and usage the test writes next to them.
 */
public final class SmallInput {

    public static final String USAGE_HEADER = "CustomerId,SubscriptionId,ResourceGroup,ResourceURI,UsageDate,"
            + "MeterCategory,ConsumedService,ResourceLocation,Quantity,UnitPrice,BillingCurrency,AdditionalInfo\n";

    private SmallInput() {
    }

    /** Creates {@code dir} with isf.csv and prices.csv of sample-data and a customers.csv of one customer. */
    public static Path withCustomer(Path dir, String customerId, String customerName) throws IOException {
        Path sample = Path.of("sample-data");
        Files.createDirectories(dir);
        Files.copy(sample.resolve("isf.csv"), dir.resolve("isf.csv"));
        Files.copy(sample.resolve("prices.csv"), dir.resolve("prices.csv"));
        Files.writeString(dir.resolve("customers.csv"), "CustomerId,CustomerName,BillingCurrency,PaygMarkupPct,"
                + "ReservationMarkupPct\n" + customerId + "," + customerName + ",USD,0,0\n");
        return dir;
    }

    /** The AdditionalInfo cell of a Virtual Machines row of this size, quoted for CSV. */
    public static String serviceType(String vmSize) {
        return "\"{\"\"ServiceType\"\":\"\"" + vmSize + "\"\"}\"";
    }
}
