package dev.ribilling.ingest;

import dev.ribilling.testing.H2Database;
import org.springframework.boot.test.context.SpringBootTest;

/** The import scenarios on the embedded H2 database (the default installation). */
@SpringBootTest(properties = H2Database.URL)
class ImportJobTests extends ImportScenarioTests {
}
