package dev.ribilling.remote;

import dev.ribilling.matching.MatchJobConfiguration;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * {@code billing.remote.role=worker} (set by the {@code worker} command): an AMQP inbound adapter on the queue feeds
 * {@link PartitionWorker}. It starts only when the {@code worker} command starts it. Each consumer holds one
 * unacknowledged request at a time (prefetch 1) and acknowledges it when the partition has ended, so partitions spread
 * over the workers as they become free; the request of a worker that dies goes back to the queue (and is then
 * ignored: see {@link PartitionWorker}).
 */
@Configuration
@Conditional(RemoteRole.Worker.class)
@EnableIntegration
public class RemoteWorkerConfiguration {

    public static final String INBOUND_ADAPTER = "remotePartitionInboundAdapter";

    @Bean
    PartitionWorker partitionWorker(JobRepository jobRepository, MatchJobConfiguration.MatchSteps matchSteps) {
        Step matchCustomer = matchSteps.matchCustomer();
        return new PartitionWorker(jobRepository, name -> name.equals(matchCustomer.getName()) ? matchCustomer : null);
    }

    @Bean
    IntegrationFlow remotePartitionWorkerFlow(ConnectionFactory connectionFactory, RemoteSettings settings,
            PartitionWorker worker) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(settings.getQueue());
        int consumers = settings.getWorker().getConcurrency();
        container.setConcurrentConsumers(consumers);
        container.setMaxConcurrentConsumers(consumers);
        container.setPrefetchCount(1);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        // A request that cannot be handled is dropped, never redelivered in a loop: the manager gives it up.
        container.setDefaultRequeueRejected(false);
        container.setAutoStartup(false);
        return IntegrationFlow.from(Amqp.inboundAdapter(container).id(INBOUND_ADAPTER).autoStartup(false))
                .handle((payload, headers) -> {
                    worker.handle(payload, Boolean.TRUE.equals(headers.get(AmqpHeaders.REDELIVERED)));
                    return null;
                }).get();
    }
}
