package dev.ribilling.ingest;

import java.util.List;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.step.Step;

/** The import steps in load order, ending with the rejects files: the import job, and the start of the run job. */
public record ImportSteps(List<Step> steps) {

    public Step first() {
        return steps.get(0);
    }

    /** Appends every step after the first to a job that started with {@link #first()}. */
    public SimpleJobBuilder appendTo(SimpleJobBuilder job) {
        for (Step step : steps.subList(1, steps.size())) {
            job = job.next(step);
        }
        return job;
    }

    /** Appends all the steps to a job that already has earlier steps. */
    public SimpleJobBuilder appendAll(SimpleJobBuilder job) {
        for (Step step : steps) {
            job = job.next(step);
        }
        return job;
    }
}
