package dev.ribilling.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ribilling.cli.CommandLineApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs ri-billing commands exactly as the command line does, inside a test's (cached) Spring context. */
public final class CliHarness {

    private final ConfigurableApplicationContext context;

    public CliHarness(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public record Result(int exitCode, String out, String err, JsonNode lastRun) {
    }

    public Result run(Path outDir, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--out";
        all[args.length + 1] = outDir.toString();
        int code = new CommandLineApp(new PrintWriter(out, true), new PrintWriter(err, true), context).execute(all);
        JsonNode lastRun = new ObjectMapper().readTree(outDir.resolve("last-run.json").toFile());
        return new Result(code, out.toString(), err.toString(), lastRun);
    }
}
