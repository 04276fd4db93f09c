package dev.ribilling.remote;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code billing.remote.role=manager}: partitioned steps send their partitions through the Spring Integration channel
 * {@code remotePartitionRequests} to an AMQP outbound adapter (default exchange, routing key = the queue).
 */
@Configuration
@Conditional(RemoteRole.Manager.class)
@EnableIntegration
public class RemoteManagerConfiguration {

    @Bean
    DirectChannel remotePartitionRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow remotePartitionOutbound(AmqpTemplate amqpTemplate, RemoteSettings settings) {
        return IntegrationFlow.from("remotePartitionRequests")
                .handle(Amqp.outboundAdapter(amqpTemplate).routingKey(settings.getQueue())).get();
    }

    @Bean
    RemotePartitionHandlers remotePartitionHandlers(DirectChannel remotePartitionRequests, JobRepository jobRepository,
            JdbcTemplate jdbc, RemoteSettings settings) {
        MessagingTemplate messaging = new MessagingTemplate(remotePartitionRequests);
        return workerStepName -> new RemotePartitionHandler(workerStepName,
                request -> messaging.send(MessageBuilder.withPayload(PartitionRequestCodec.encode(request)).build()),
                jobRepository, jdbc, settings.getTimeout(), settings.getPollInterval(), settings.getQueue());
    }

    /** Present only in the manager role: the partition handler a partitioned step uses instead of local threads. */
    @FunctionalInterface
    public interface RemotePartitionHandlers {
        PartitionHandler forStep(String workerStepName);
    }
}
