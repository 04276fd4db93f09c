package dev.ribilling.matching;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the match reference data once per job execution and shares it with every partition thread (job scope
 * is bound to the job's own thread, not to the partition workers).
 */
@Component
public class MatchReferenceCache {

    private final JdbcTemplate jdbc;
    private long jobExecutionId = -1;
    private MatchReferenceData data;

    public MatchReferenceCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public synchronized MatchReferenceData forJobExecution(long id) {
        if (data == null || jobExecutionId != id) {
            data = MatchReferenceData.load(jdbc);
            jobExecutionId = id;
        }
        return data;
    }
}
