package dev.ribilling.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the job scenario tests: commands run through {@link CliHarness} in the cached Spring context, on an
 * emptied database, with a fresh output folder per test. Subclasses choose the database (H2 or MySQL).
 */
public abstract class JobScenario {

    @Autowired
    protected ConfigurableApplicationContext context;

    @Autowired
    protected JdbcTemplate jdbc;

    @TempDir
    protected Path out;

    protected CliHarness cli;

    @BeforeEach
    void resetDatabase() {
        TestDatabase.reset(jdbc);
        cli = new CliHarness(context);
    }
}
