package dev.ribilling.batch;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates the Spring Batch job repository tables from the framework's own script for the database in use
 * (H2, MySQL or MariaDB) when they do not exist yet, after Flyway has created the business tables (Flyway
 * refuses a non-empty schema it did not create). Boot's initializer would run the script on every start
 * ('always') or only for in-memory databases ('embedded'); a file H2 database and MySQL need "once".
 */
@Component
@DependsOn("flywayInitializer")
public class BatchSchemaInitializer implements InitializingBean {

    private final DataSource dataSource;

    public BatchSchemaInitializer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            if (tableExists(connection, meta, "BATCH_JOB_INSTANCE") || tableExists(connection, meta, "batch_job_instance")) {
                return;
            }
            String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
            // Follow the product name the driver reports, as Spring Batch does when it picks its id incrementers:
            // MySQL Connector/J reports "MySQL" even for a MariaDB server, so that server gets the MySQL script.
            String platform = product.contains("h2") ? "h2" : product.contains("mariadb") ? "mariadb" : "mysql";
            ResourceDatabasePopulator populator = new ResourceDatabasePopulator(
                    new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
            populator.populate(connection);
        }
    }

    /** Looks in the connection's own database only: MySQL lists every database's tables for a null catalog. */
    private static boolean tableExists(Connection connection, DatabaseMetaData meta, String name) throws SQLException {
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), name, new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    return true;
                }
            }
            return false;
        }
    }
}
