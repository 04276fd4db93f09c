package dev.ribilling.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What produced the workbook, so that any figure in it can be traced to its inputs.
 *
 * @param parameters in the order they should be listed (job parameters and the report settings)
 * @param database product and version, and the JDBC URL without credentials
 */
public record RunInfo(Instant generatedAt, String applicationVersion, String database, Map<String, String> parameters,
        List<InputFile> inputs) {

    public RunInfo {
        Objects.requireNonNull(generatedAt, "generatedAt");
        parameters = parameters == null ? Map.of() : parameters;
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** One input file the period's figures came from, with its import counts. */
    public record InputFile(String path, String kind, String sha256, long rowsRead, long rowsLoaded,
            long rowsRejected, long rowsDuplicate, long rowsSkipped) {
    }
}
