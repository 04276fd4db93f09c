package dev.ribilling.cli;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ParameterException;

/** A command of the ri-billing command line; picocli parses it, {@link CommandLineApp} runs it. */
public interface BillingCommand {

    /** The command's name, as typed and as written in last-run.json. */
    String name();

    /** Checks option combinations picocli cannot express; throws ParameterException (exit code 2). */
    default void validate() throws ParameterException {
    }

    /** The options as given, for last-run.json. */
    Map<String, Object> parameters();

    Path out();

    /** Whether the command needs the database (and so the Spring context). */
    default boolean needsContext() {
        return true;
    }

    /** Whether the command takes the installation-wide run lock (commands that only read do not). */
    default boolean takesRunLock() {
        return true;
    }

    /** Spring properties the command itself sets, above anything given on the command line (e.g. a role). */
    default Map<String, Object> springProperties() {
        return Map.of();
    }

    CommandOutcome execute(ConfigurableApplicationContext context) throws Exception;
}
