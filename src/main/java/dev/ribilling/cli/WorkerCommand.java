package dev.ribilling.cli;

import dev.ribilling.remote.RemoteSettings;
import dev.ribilling.remote.RemoteWorkerConfiguration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worker}: a remote partitioning worker (role {@code billing.remote.role=worker}). It takes match partitions from
 * the RabbitMQ queue and runs them against the shared job repository until it is stopped (SIGTERM or Ctrl-C). It does
 * not take the run lock: the manager's command holds it for the whole run.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run a remote partitioning worker until stopped: take match partitions (one customer each) from "
                + "the RabbitMQ queue billing.remote.queue and run them on the shared database; the command started "
                + "with --billing.remote.role=manager sends them.",
                "Broker: --spring.rabbitmq.host/port/username/password; database: as for every command (the manager's)."})
public class WorkerCommand implements BillingCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "partitions run at the same time (default: billing.remote.worker.concurrency, 1)")
    Integer concurrency;

    @Option(names = "--queue", paramLabel = "NAME", description = "the queue (default: billing.remote.queue)")
    String queue;

    @Mixin
    OutOption outOption = new OutOption();

    @Override
    public String name() {
        return "worker";
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
    public void validate() {
        if (concurrency != null && concurrency < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--concurrency must be at least 1");
        }
    }

    @Override
    public Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("billing.remote.role", RemoteSettings.WORKER);
        if (concurrency != null) {
            p.put("billing.remote.worker.concurrency", concurrency);
        }
        if (queue != null) {
            p.put("billing.remote.queue", queue);
        }
        return p;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (concurrency != null) {
            p.put("concurrency", concurrency);
        }
        if (queue != null) {
            p.put("queue", queue);
        }
        return p;
    }

    @Override
    public CommandOutcome execute(ConfigurableApplicationContext context) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
        RemoteSettings settings = context.getBean(RemoteSettings.class);
        Lifecycle inbound = context.getBean(RemoteWorkerConfiguration.INBOUND_ADAPTER, Lifecycle.class);
        inbound.start();
        String ready = String.format("worker ready: queue %s, concurrency %d, pid %d", settings.getQueue(),
                settings.getWorker().getConcurrency(), ProcessHandle.current().pid());
        LoggerFactory.getLogger(WorkerCommand.class).info(ready);
        var console = spec.commandLine().getOut();
        console.println(ready);
        console.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (context.isActive()) {
                inbound.stop();
            }
        }
        return new CommandOutcome(CommandOutcome.COMPLETED, 0, List.of(), List.of());
    }
}
