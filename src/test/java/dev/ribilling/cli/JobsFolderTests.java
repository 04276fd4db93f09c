package dev.ribilling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine;

/** The operational files under jobs/ stay true: cron expressions parse, the commands they run exist. */
class JobsFolderTests {

    static final Path JOBS = Path.of("jobs");
    static final Set<String> COMMANDS = new CommandLine(new CommandLineApp.Root()).getSubcommands().keySet();

    @Test
    void theCrontabLineParsesAndRunsAnExistingCommandAtHalfPastTwo() throws Exception {
        String line = Files.readAllLines(JOBS.resolve("nightly/crontab")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
        String[] fields = line.trim().split("\\s+", 6);
        CronExpression cron = CronExpression.parse("0 " + String.join(" ", List.of(fields).subList(0, 5)));
        assertThat(cron.next(LocalDateTime.of(2026, 11, 26, 12, 0))).isEqualTo(LocalDateTime.of(2026, 11, 27, 2, 30));
        assertThat(commandsIn(fields[5])).containsExactly("nightly");
    }

    @Test
    void theKubernetesCronJobAndTheSystemdTimerRunTheSameSchedule() throws Exception {
        String cronJob = Files.readString(JOBS.resolve("nightly/cronjob.yaml"));
        Matcher schedule = Pattern.compile("schedule: \"([^\"]+)\"").matcher(cronJob);
        assertThat(schedule.find()).isTrue();
        CronExpression cron = CronExpression.parse("0 " + schedule.group(1));
        assertThat(cron.next(LocalDateTime.of(2026, 11, 26, 3, 0))).isEqualTo(LocalDateTime.of(2026, 11, 27, 2, 30));
        assertThat(cronJob).contains("concurrencyPolicy: Forbid").contains("\"nightly\"");
        assertThat(Files.readString(JOBS.resolve("nightly/ri-billing-nightly.timer"))).contains("OnCalendar=*-*-* 02:30:00 UTC");
        String service = Files.readString(JOBS.resolve("nightly/ri-billing-nightly.service"));
        assertThat(commandsIn(service.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow()))
                .containsExactly("nightly");
    }

    @Test
    void everyCommandTheDocumentsNameExistsAndEveryJobHasItsReadme() throws Exception {
        String readme = Files.readString(JOBS.resolve("README.md"));
        Matcher command = Pattern.compile("\\| `(\\w+)[^`]*` \\|").matcher(readme);
        int commands = 0;
        while (command.find()) {
            assertThat(COMMANDS).as("command %s in jobs/README.md", command.group(1)).contains(command.group(1));
            commands++;
        }
        assertThat(commands).isGreaterThanOrEqualTo(7);
        Matcher link = Pattern.compile("\\]\\(([^)]+)\\)").matcher(readme);
        while (link.find()) {
            assertThat(JOBS.resolve(link.group(1))).as("link %s", link.group(1)).exists();
        }
        String dispute = Files.readString(JOBS.resolve("dispute-rerun.md"));
        Matcher used = Pattern.compile("ri-billing\\.jar (\\w+)").matcher(dispute);
        while (used.find()) {
            assertThat(COMMANDS).contains(used.group(1));
        }
    }

    @Test
    void theDefaultScheduleEntryParses() throws Exception {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        Matcher entry = Pattern.compile("billing\\.schedule\\.(\\w+)=(.+)").matcher(properties);
        assertThat(entry.find()).isTrue();
        ScheduleCommand.Entry parsed = ScheduleCommand.Entry.parse(entry.group(1), entry.group(2));
        assertThat(COMMANDS).contains(parsed.command()[0]);
        assertThat(parsed.cron().next(LocalDateTime.of(2026, 11, 26, 12, 0))).isEqualTo(LocalDateTime.of(2026, 11, 27, 2, 30));
    }

    private static List<String> commandsIn(String commandLine) {
        Matcher m = Pattern.compile("ri-billing\\.jar\\s+(\\w+)").matcher(commandLine);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        found.forEach(c -> assertThat(COMMANDS).contains(c));
        return found;
    }
}
