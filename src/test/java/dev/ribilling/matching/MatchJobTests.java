package dev.ribilling.matching;

import dev.ribilling.testing.H2Database;
import org.springframework.boot.test.context.SpringBootTest;

/** The match scenarios on the embedded H2 database. */
@SpringBootTest(properties = H2Database.URL)
class MatchJobTests extends MatchScenarioTests {
}
