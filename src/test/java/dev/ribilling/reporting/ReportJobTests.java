package dev.ribilling.reporting;

import dev.ribilling.testing.H2Database;
import org.springframework.boot.test.context.SpringBootTest;

/** The report scenarios on the embedded H2 database. */
@SpringBootTest(properties = H2Database.URL)
class ReportJobTests extends ReportScenarioTests {
}
