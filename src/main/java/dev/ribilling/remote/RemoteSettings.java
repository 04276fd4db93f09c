package dev.ribilling.remote;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code billing.remote.*}: remote partitioning of the match step over RabbitMQ. The broker itself is Spring Boot's
 * {@code spring.rabbitmq.*} (host, port, username, password, virtual-host).
 */
@ConfigurationProperties("billing.remote")
public class RemoteSettings {

    public static final String NONE = "none";
    public static final String MANAGER = "manager";
    public static final String WORKER = "worker";

    /** none (default: partitions run on local threads), manager (partitions go to workers) or worker. */
    private String role = NONE;

    /** The RabbitMQ queue partition requests go through; manager and workers must name the same one. */
    private String queue = "ri-billing.match.partitions";

    /**
     * The manager fails a partition that shows no progress in the job repository for this long (a worker that died
     * or stopped), and every unfinished partition when none of them progressed for this long (no worker answers).
     * Must exceed the longest customer-day (one chunk).
     */
    private Duration timeout = Duration.ofMinutes(5);

    /** How often the manager reads the partitions' state from the shared job repository. */
    private Duration pollInterval = Duration.ofSeconds(1);

    private final Worker worker = new Worker();

    public static class Worker {

        /** Partitions one worker process runs at the same time (one consumer thread each). */
        private int concurrency = 1;

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role == null ? NONE : role.trim().toLowerCase(Locale.ROOT);
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Worker getWorker() {
        return worker;
    }
}
