package dev.ribilling.batch;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listeners shared by the long steps: progress lines ({@code billing.progress.interval}, default 10 s) and, for
 * the bulk steps, the H2 write delay.
 */
@Configuration
public class ProgressConfiguration {

    @Bean
    public ProgressListener progressListener(@Value("${billing.progress.interval:10s}") Duration interval) {
        return new ProgressListener(interval);
    }

    @Bean
    public BulkStepWriteDelay bulkStepWriteDelay(javax.sql.DataSource dataSource) {
        return new BulkStepWriteDelay(dataSource);
    }
}
