package dev.ribilling.reporting;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The report scenarios against MySQL or MariaDB ({@code .ci/run} sets MYSQL_URL). */
@Tag("mysql")
@EnabledIfEnvironmentVariable(named = "MYSQL_URL", matches = ".+")
@ActiveProfiles("mysql")
@SpringBootTest
class ReportJobMySqlTests extends ReportScenarioTests {
}
