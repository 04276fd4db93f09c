package dev.ribilling.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code schedule}: for installations without a scheduler, runs each {@code billing.schedule.<name>=<cron>|<command>}
 * entry (Spring cron, six fields, UTC) in this process until stopped. Each run is an ordinary command: it takes the
 * run lock, so a run still going when the next is due makes the next one wait for its turn, never overlap.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Run the jobs of billing.schedule.<name>=<cron>|<command> (UTC) until stopped; the default is "
                + "billing.schedule.nightly=0 30 2 * * *|nightly. --dry-run lists the entries and their next runs."})
public class ScheduleCommand implements BillingCommand {

    static final String PREFIX = "billing.schedule.";

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "list the entries and their next three runs, then exit")
    boolean dryRun;

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public Path out() {
        return outOption.out;
    }

    @Override
    public boolean takesRunLock() {
        return false;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dryRun", dryRun);
        return p;
    }

    /** A schedule entry: when, and the command line to run. */
    public record Entry(String name, CronExpression cron, String[] command) {

        public static Entry parse(String name, String value) {
            int bar = value.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException(PREFIX + name + " must be '<cron>|<command>', not '" + value + "'");
            }
            return new Entry(name, CronExpression.parse(value.substring(0, bar).trim()),
                    value.substring(bar + 1).trim().split("\\s+"));
        }
    }

    static List<Entry> entries(ConfigurableEnvironment environment) {
        Map<String, String> values = new TreeMap<>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String key : enumerable.getPropertyNames()) {
                    if (key.startsWith(PREFIX) && !values.containsKey(key)) {
                        values.put(key, environment.getProperty(key));
                    }
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        values.forEach((key, value) -> entries.add(Entry.parse(key.substring(PREFIX.length()), value)));
        return entries;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        List<Entry> entries;
        try {
            entries = entries(context.getEnvironment());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        for (Entry e : entries) {
            ZonedDateTime next = now;
            StringBuilder runs = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                next = e.cron().next(next);
                runs.append(i == 0 ? "" : ", ").append(next);
            }
            console.printf("%-12s %-24s %-30s next: %s%n", e.name(), e.cron(), String.join(" ", e.command()), runs);
        }
        if (dryRun || entries.isEmpty()) {
            return new CommandOutcome(CommandOutcome.COMPLETED, 0, List.of(), List.of());
        }
        CommandLineApp app = new CommandLineApp(console, spec.commandLine().getErr(), context);
        while (!Thread.currentThread().isInterrupted()) {
            ZonedDateTime current = ZonedDateTime.now(ZoneOffset.UTC);
            Entry due = null;
            ZonedDateTime when = null;
            for (Entry e : entries) {
                ZonedDateTime next = e.cron().next(current);
                if (when == null || next.isBefore(when)) {
                    due = e;
                    when = next;
                }
            }
            Thread.sleep(Math.max(0, Duration.between(ZonedDateTime.now(ZoneOffset.UTC), when).toMillis()));
            String[] args = new String[due.command().length + 2];
            System.arraycopy(due.command(), 0, args, 0, due.command().length);
            args[args.length - 2] = "--out";
            args[args.length - 1] = out().toString();
            console.println("schedule: " + due.name() + " at " + when + ": " + String.join(" ", due.command()));
            int code = app.execute(args);
            console.println("schedule: " + due.name() + " exited with " + code);
        }
        return new CommandOutcome(CommandOutcome.COMPLETED, 0, List.of(), List.of());
    }
}
