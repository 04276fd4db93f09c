package dev.ribilling;

import dev.ribilling.cli.CommandLineApp;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.TimeZone;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** ri-billing: {@code java -jar target/ri-billing.jar COMMAND [options]}; see {@link CommandLineApp}. */
@SpringBootApplication
public class RiBillingApplication {

    public static void main(String[] args) {
        // All times are UTC (contract section 3); JDBC date-times are stored without a zone.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(new CommandLineApp(out, err).execute(args));
    }
}
