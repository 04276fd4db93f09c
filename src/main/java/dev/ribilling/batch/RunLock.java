package dev.ribilling.batch;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The installation-wide run lock: two ri-billing runs never overlap, on one machine or several sharing the
 * database. The holder's heartbeat is refreshed every few seconds; a lock whose heartbeat is older than
 * {@code billing.lock.stale-after} (default 60 s) was left by a process that died, and the next run takes it over.
 */
@Component
public class RunLock {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);
    static final String NAME = "ri-billing";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration staleAfter;
    private final String owner = UUID.randomUUID().toString();
    private ScheduledExecutorService heartbeat;
    private int depth;

    public RunLock(JdbcTemplate jdbc, Clock clock, @Value("${billing.lock.stale-after:60s}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Thrown when another live run holds the lock. */
    public static class HeldException extends RuntimeException {
        public HeldException(String message) {
            super(message);
        }
    }

    /** Takes the lock (re-entrant within this process: nightly runs several jobs under one lock). */
    public synchronized void acquire(String command) {
        if (depth > 0) {
            depth++;
            return;
        }
        for (int attempt = 0; !tryInsert(command) && !takeOverIfStale(command); attempt++) {
            if (attempt >= 3) {
                throw new HeldException("the run lock changed hands while it was being taken; try again");
            }
        }
        depth = 1;
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, staleAfter.toSeconds() / 4);
        heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.SECONDS);
    }

    private boolean tryInsert(String command) {
        Instant now = clock.instant();
        try {
            jdbc.update("INSERT INTO job_lock (lock_name, owner, host, pid, command, acquired_at, heartbeat_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", NAME, owner, host(), pid(), abbreviate(command), Timestamp.from(now),
                    Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** True when a stale lock was taken over; false when it vanished meanwhile; throws when a live run holds it. */
    private boolean takeOverIfStale(String command) {
        Instant now = clock.instant();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT owner, host, pid, command, acquired_at, heartbeat_at "
                + "FROM job_lock WHERE lock_name = ?", NAME);
        if (rows.isEmpty()) {
            return false;
        }
        Map<String, Object> holder = rows.get(0);
        Instant beat = instant(holder.get("heartbeat_at"));
        String who = holder.get("command") + " started " + instant(holder.get("acquired_at")) + " on "
                + holder.get("host") + " (pid " + holder.get("pid") + ")";
        if (beat.isAfter(now.minus(staleAfter))) {
            throw new HeldException("another ri-billing run is in progress: " + who + "; runs never overlap, "
                    + "try again when it has finished");
        }
        int taken = jdbc.update("UPDATE job_lock SET owner = ?, host = ?, pid = ?, command = ?, acquired_at = ?, "
                + "heartbeat_at = ? WHERE lock_name = ? AND owner = ?", owner, host(), pid(), abbreviate(command),
                Timestamp.from(now), Timestamp.from(now), NAME, holder.get("owner"));
        if (taken == 1) {
            log.warn("took over the run lock of a process that stopped without releasing it: {} (no heartbeat since {})",
                    who, beat);
        }
        return taken == 1;
    }

    private void beat() {
        try {
            jdbc.update("UPDATE job_lock SET heartbeat_at = ? WHERE lock_name = ? AND owner = ?",
                    Timestamp.from(clock.instant()), NAME, owner);
        } catch (RuntimeException e) {
            log.warn("run lock heartbeat failed: {}", e.getMessage());
        }
    }

    public synchronized void release() {
        if (depth == 0) {
            return;
        }
        if (--depth > 0) {
            return;
        }
        heartbeat.shutdownNow();
        jdbc.update("DELETE FROM job_lock WHERE lock_name = ? AND owner = ?", NAME, owner);
    }

    /** Whether this process holds the lock (a STARTED execution it does not own belongs to a dead process). */
    public synchronized boolean held() {
        return depth > 0;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant()
                : ((java.time.LocalDateTime) value).toInstant(java.time.ZoneOffset.UTC);
    }

    private static String abbreviate(String command) {
        return command.length() <= 256 ? command : command.substring(0, 255);
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }

    static long pid() {
        try {
            return ProcessHandle.current().pid();
        } catch (UnsupportedOperationException e) {
            return Long.parseLong(ManagementFactory.getRuntimeMXBean().getName().split("@")[0]);
        }
    }
}
