package dev.ribilling.remote;

import java.util.Set;
import org.springframework.amqp.core.Queue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code billing.remote.*} and rejects an unknown role at start-up. The two roles' beans are in
 * {@link RemoteManagerConfiguration} and {@link RemoteWorkerConfiguration}; with the default role {@code none}
 * neither exists and nothing connects to RabbitMQ.
 */
@Configuration
@EnableConfigurationProperties(RemoteSettings.class)
public class RemoteConfiguration {

    public RemoteConfiguration(RemoteSettings settings) {
        if (!Set.of(RemoteSettings.NONE, RemoteSettings.MANAGER, RemoteSettings.WORKER).contains(settings.getRole())) {
            throw new IllegalArgumentException("billing.remote.role must be none, manager or worker, not '"
                    + settings.getRole() + "'");
        }
        if (settings.getTimeout().isNegative() || settings.getTimeout().isZero()
                || settings.getPollInterval().isNegative() || settings.getPollInterval().isZero()) {
            throw new IllegalArgumentException("billing.remote.timeout and billing.remote.poll-interval must be positive");
        }
        if (settings.getWorker().getConcurrency() < 1) {
            throw new IllegalArgumentException("billing.remote.worker.concurrency must be at least 1");
        }
    }

    /** Both roles declare the (durable) request queue, so either may start first. */
    @Configuration
    @Conditional(RemoteRole.Any.class)
    static class QueueDeclaration {

        @Bean
        Queue remotePartitionQueue(RemoteSettings settings) {
            return new Queue(settings.getQueue(), true);
        }
    }
}
