package dev.ribilling.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The output folder option every command has. */
public class OutOption {

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})",
            defaultValue = "out")
    Path out;
}
