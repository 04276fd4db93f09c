package dev.ribilling.ingest;

import org.springframework.boot.test.context.SpringBootTest;

/** The sample-data import scenarios on an embedded H2 database of their own. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:sample-import-tests;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class SampleDataImportTests extends SampleDataImportScenarioTests {
}
