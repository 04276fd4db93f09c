package dev.ribilling.invoicing;

import dev.ribilling.testing.H2Database;
import org.springframework.boot.test.context.SpringBootTest;

/** The invoice scenarios on the embedded H2 database. */
@SpringBootTest(properties = H2Database.URL)
class InvoiceJobTests extends InvoiceScenarioTests {
}
