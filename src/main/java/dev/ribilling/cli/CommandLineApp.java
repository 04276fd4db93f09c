package dev.ribilling.cli;

import dev.ribilling.RiBillingApplication;
import dev.ribilling.batch.RunLock;
import dev.ribilling.batch.RunRecord;
import dev.ribilling.batch.RunRecordWriter;
import dev.ribilling.ingest.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command line: parses the command with picocli before anything starts (a bad command line exits with 2
 * without touching the database), then starts Spring, runs the command's job and writes last-run.json.
 * Arguments of the form {@code --spring.*}, {@code --billing.*} and {@code --logging.*} are Spring properties.
 */
public final class CommandLineApp {

    @Command(name = "ri-billing", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Azure Reserved VM Instance billing for CSP partners.",
            subcommands = {ImportCommand.class, MatchCommand.class, ExplainCommand.class, InvoiceCommand.class,
                    ReportCommand.class, RunCommand.class, NightlyCommand.class, StatusCommand.class, ScheduleCommand.class,
                    GenerateCommand.class, BenchmarkCommand.class, WorkerCommand.class},
            footer = {"", "Exit codes: 0 completed, 1 job failed (run the same command again to restart it),",
                    "2 bad command line or unusable input (nothing loaded or issued).",
                    "Database: an embedded H2 file database under data/ by default; --spring.profiles.active=mysql with",
                    "MYSQL_URL, MYSQL_USER and MYSQL_PASSWORD for MySQL or MariaDB."})
    public static final class Root {
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ri-billing " + RunRecordWriter.version()};
        }
    }

    private final PrintWriter out;
    private final PrintWriter err;
    /** Null: start a Spring context per command (the application); else run in this one (tests). */
    private final ConfigurableApplicationContext sharedContext;

    public CommandLineApp(PrintWriter out, PrintWriter err) {
        this(out, err, null);
    }

    public CommandLineApp(PrintWriter out, PrintWriter err, ConfigurableApplicationContext sharedContext) {
        this.out = out;
        this.err = err;
        this.sharedContext = sharedContext;
    }

    public static boolean isSpringArgument(String arg) {
        return arg.startsWith("--spring.") || arg.startsWith("--billing.") || arg.startsWith("--logging.")
                || arg.equals("--debug");
    }

    public int execute(String... args) {
        Instant started = Instant.now();
        List<String> cliArgs = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            (isSpringArgument(arg) ? springArgs : cliArgs).add(arg);
        }
        CommandLine cli = new CommandLine(new Root());
        cli.setOut(out);
        cli.setErr(err);
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(cliArgs.toArray(String[]::new));
        } catch (ParameterException e) {
            return badCommandLine(e, started, commandName(cliArgs));
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        if (!parsed.hasSubcommand()) {
            cli.usage(err);
            return badCommandLine(null, started, "none");
        }
        ParseResult sub = parsed.subcommand();
        BillingCommand command = (BillingCommand) sub.commandSpec().userObject();
        try {
            command.validate();
        } catch (ParameterException e) {
            return badCommandLine(e, started, command.name());
        }
        CommandOutcome outcome;
        if (!command.needsContext()) {
            outcome = run(command, null);
        } else if (sharedContext != null) {
            outcome = run(command, sharedContext);
        } else {
            try (ConfigurableApplicationContext context = startSpring(springArgs, command.springProperties())) {
                outcome = run(command, context);
            } catch (RuntimeException e) {
                err.println("ri-billing " + command.name() + ": cannot start: " + rootMessage(e));
                outcome = new CommandOutcome(CommandOutcome.FAILED, 1, List.of(), List.of());
            }
        }
        writeRecord(command.out(), command.name(), command.parameters(), outcome, started);
        out.flush();
        err.flush();
        return outcome.exitCode();
    }

    private CommandOutcome run(BillingCommand command, ConfigurableApplicationContext context) {
        RunLock lock = context != null && command.takesRunLock() ? context.getBean(RunLock.class) : null;
        try {
            if (lock != null) {
                lock.acquire(command.name() + " " + command.parameters());
            }
            return command.execute(context);
        } catch (RunLock.HeldException e) {
            err.println("ri-billing " + command.name() + " refused: " + e.getMessage());
            return new CommandOutcome(CommandOutcome.FAILED, 1, List.of(), List.of());
        } catch (InvalidInputException e) {
            err.println("ri-billing " + command.name() + ": " + e.getMessage());
            err.println("Nothing was loaded or issued (exit code 2).");
            return CommandOutcome.invalid();
        } catch (Exception e) {
            err.println("ri-billing " + command.name() + " failed: " + rootMessage(e));
            return new CommandOutcome(CommandOutcome.FAILED, 1, List.of(), List.of());
        } finally {
            if (lock != null) {
                lock.release();
            }
        }
    }

    static ConfigurableApplicationContext startSpring(List<String> springArgs) {
        return startSpring(springArgs, Map.of());
    }

    static ConfigurableApplicationContext startSpring(List<String> springArgs, Map<String, Object> commandProperties) {
        SpringApplication app = new SpringApplication(RiBillingApplication.class);
        if (!commandProperties.isEmpty()) {
            app.addInitializers(context -> context.getEnvironment().getPropertySources()
                    .addFirst(new org.springframework.core.env.MapPropertySource("command", commandProperties)));
        }
        return app.run(springArgs.toArray(String[]::new));
    }

    private int badCommandLine(ParameterException e, Instant started, String commandName) {
        if (e != null) {
            err.println("ri-billing: " + e.getMessage());
            CommandLine source = e.getCommandLine();
            if (source != null) {
                source.usage(err);
            }
        }
        Path outDir = Path.of("out");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (e != null && e.getCommandLine() != null && e.getCommandLine().getCommand() instanceof BillingCommand bc) {
            try {
                outDir = bc.out() == null ? outDir : bc.out();
                parameters = bc.parameters();
            } catch (RuntimeException ignored) {
                // a half-parsed command may not know its options: record what is known
            }
        }
        writeRecord(outDir, commandName, parameters, CommandOutcome.invalid(), started);
        err.flush();
        return 2;
    }

    private static String commandName(List<String> cliArgs) {
        return cliArgs.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("none")
                .replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private void writeRecord(Path outDir, String command, Map<String, Object> parameters, CommandOutcome outcome,
            Instant started) {
        Instant finished = Instant.now();
        RunRecord record = new RunRecord(command, parameters, outcome.status(), outcome.exitCode(), started.toString(),
                finished.toString(), Duration.between(started, finished).toMillis(), RunRecordWriter.version(),
                outcome.files(), outcome.warnings());
        try {
            RunRecordWriter.write(outDir, record, started);
        } catch (Exception e) {
            err.println("ri-billing: cannot write " + outDir.resolve("last-run.json") + ": " + e.getMessage());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
