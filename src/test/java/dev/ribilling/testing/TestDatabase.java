package dev.ribilling.testing;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the business and job repository tables between tests that share one database. */
public final class TestDatabase {

    private static final List<String> TABLES = List.of("usage_pack", "usage_file_day", "usage_line", "partner_invoice_row", "reservation", "customer_version",
            "customer", "price", "isf_ratio", "fx_rate", "row_history", "rejected_row", "import_file_stats", "input_file",
            "job_attempt", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE");

    private TestDatabase() {
    }

    public static void reset(JdbcTemplate jdbc) {
        for (String table : extraTablesFirst()) {
            jdbc.update("DELETE FROM " + table);
        }
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** Tables added by later features register here so reset stays in one place. */
    private static List<String> extraTablesFirst() {
        return List.of("usage_allocation", "usage_coverage", "reservation_day", "billing_alert", "invoice_line",
                "invoice_revision", "invoice", "invoice_draft", "invoice_draft_customer", "inbox_file", "job_lock", "usage_customer_day");
    }
}
