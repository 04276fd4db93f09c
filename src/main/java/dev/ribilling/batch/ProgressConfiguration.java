package dev.ribilling.batch;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The progress listener shared by the long steps ({@code billing.progress.interval}, default 10 s). */
@Configuration
public class ProgressConfiguration {

    @Bean
    public ProgressListener progressListener(@Value("${billing.progress.interval:10s}") Duration interval) {
        return new ProgressListener(interval);
    }
}
