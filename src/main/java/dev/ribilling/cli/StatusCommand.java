package dev.ribilling.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code status}: the recent job executions from the job repository (parameters, state, counts, duration) and who
 * holds the run lock. It only reads, so it is not itself a job and takes no lock.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List recent job executions (command, state, exit status, duration, rows read/written/skipped per "
                + "step) and the current holder of the run lock.")
public class StatusCommand implements BillingCommand {

    @Option(names = "--limit", defaultValue = "20", description = "how many executions (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--steps", description = "also list each execution's steps")
    boolean steps;

    @Mixin
    OutOption outOption = new OutOption();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public String name() {
        return "status";
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
        p.put("limit", limit);
        p.put("steps", steps);
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        var console = spec.commandLine().getOut();
        List<Map<String, Object>> lock = jdbc.queryForList("SELECT command, host, pid, acquired_at, heartbeat_at FROM job_lock");
        if (lock.isEmpty()) {
            console.println("run lock: free");
        } else {
            Map<String, Object> l = lock.get(0);
            console.printf("run lock: held by %s on %s (pid %s) since %s, last heartbeat %s%n", l.get("command"),
                    l.get("host"), l.get("pid"), l.get("acquired_at"), l.get("heartbeat_at"));
        }
        console.printf("%-6s %-12s %-10s %-10s %-23s %10s  %s%n", "id", "job", "status", "exit", "started (UTC)",
                "duration", "command");
        List<Map<String, Object>> executions = jdbc.queryForList("SELECT e.JOB_EXECUTION_ID id, i.JOB_NAME job, e.STATUS status, "
                + "e.EXIT_CODE exit_code, e.START_TIME start_time, e.END_TIME end_time, (SELECT p.PARAMETER_VALUE FROM "
                + "BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'command') "
                + "command FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                + "ORDER BY e.JOB_EXECUTION_ID DESC LIMIT " + Math.max(1, limit));
        for (Map<String, Object> e : executions) {
            String command = String.valueOf(e.get("command")).replace('\n', ' ');
            console.printf("%-6s %-12s %-10s %-10s %-23s %10s  %s%n", e.get("id"), e.get("job"), e.get("status"),
                    e.get("exit_code"), e.get("start_time"), duration(e.get("start_time"), e.get("end_time")),
                    command.length() > 100 ? command.substring(0, 97) + "..." : command);
            if (steps) {
                jdbc.query("SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, FILTER_COUNT, READ_SKIP_COUNT + "
                        + "PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT, COMMIT_COUNT, ROLLBACK_COUNT, START_TIME, END_TIME "
                        + "FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID", rs -> {
                            console.printf("         %-40s %-10s read %,d written %,d skipped %,d commits %,d rollbacks %,d "
                                    + "%s%n", rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(6),
                                    rs.getLong(7), rs.getLong(8), duration(rs.getObject(9), rs.getObject(10)));
                        }, e.get("id"));
            }
        }
        return new CommandOutcome(CommandOutcome.COMPLETED, 0, List.of(), List.of());
    }

    private static String duration(Object start, Object end) {
        LocalDateTime s = toLocal(start);
        LocalDateTime e = toLocal(end);
        if (s == null) {
            return "-";
        }
        if (e == null) {
            return "running";
        }
        Duration d = Duration.between(s, e);
        return d.toSeconds() >= 60 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toMillis() + "ms";
    }

    private static LocalDateTime toLocal(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return (LocalDateTime) value;
    }
}
