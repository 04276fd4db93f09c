package dev.ribilling.ingest;

import org.springframework.boot.test.context.SpringBootTest;

/** The import scenarios on the embedded H2 database (the default installation). */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:import-tests;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ImportJobTests extends ImportScenarioTests {
}
