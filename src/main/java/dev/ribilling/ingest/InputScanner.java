package dev.ribilling.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the recognised input files among the paths given on the command line (a directory contributes the files
 * directly inside it), orders them by kind then file name, and checks each header before anything loads: a
 * missing required column makes the whole import unusable (exit code 2).
 */
public final class InputScanner {

    private InputScanner() {
    }

    public static List<InputFile> scan(List<Path> inputs) {
        List<InputFile> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> children = Files.list(input)) {
                    children.filter(Files::isRegularFile).forEach(p -> InputKind.fromFileName(p.getFileName().toString())
                            .ifPresent(kind -> files.add(new InputFile(p.toAbsolutePath().normalize(), kind))));
                } catch (IOException e) {
                    throw new InvalidInputException(input + ": cannot list the directory (" + e.getMessage() + ")");
                }
            } else if (Files.isRegularFile(input)) {
                Optional<InputKind> kind = InputKind.fromFileName(input.getFileName().toString());
                if (kind.isEmpty()) {
                    throw new InvalidInputException(input.getFileName() + ": not a recognised input file name (expected a "
                            + "customers, reservations, prices, isf, fx-rates, usage or partner-invoice prefix, .csv or .xlsx)");
                }
                files.add(new InputFile(input.toAbsolutePath().normalize(), kind.get()));
            } else {
                throw new InvalidInputException(input + ": no such file or directory");
            }
        }
        files.sort(Comparator.comparing((InputFile f) -> f.kind().ordinal()).thenComparing(InputFile::fileName)
                .thenComparing(f -> f.path().toString()));
        List<InputFile> distinct = new ArrayList<>();
        for (InputFile f : files) {
            if (distinct.stream().noneMatch(d -> d.path().equals(f.path()))) {
                distinct.add(f);
            }
        }
        for (InputFile f : distinct) {
            checkHeader(f);
        }
        // Each file's SHA-256 (its identity for the import) is computed on a second thread while the check reads
        // the file: the import then finds it computed (InputFile.sha256) instead of reading the file once more.
        java.util.concurrent.ExecutorService digester = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "input-digest");
            t.setDaemon(true);
            return t;
        });
        try {
            for (InputFile f : distinct) {
                java.util.concurrent.Future<String> digest = digester.submit(f::sha256);
                checkText(f);
                try {
                    digest.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading " + f.fileName(), e);
                }
            }
        } finally {
            digester.shutdownNow();
        }
        return distinct;
    }

    /**
     * A CSV file that is not UTF-8 text, or whose quoted field is never closed, further down than its header would
     * otherwise stop the import in the middle, after earlier files and chunks were committed: exit code 2 must mean
     * nothing was loaded, so every file is read through once before any loads.
     */
    static void checkText(InputFile file) {
        if (file.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            return;
        }
        CsvRecordSource.TextCheck check;
        try {
            check = CsvRecordSource.check(file.path());
        } catch (IOException e) {
            throw InvalidInputException.unreadable(file.fileName(), e);
        }
        if (check.invalidUtf8Line() > 0) {
            throw new InvalidInputException(file.fileName() + ": line " + check.invalidUtf8Line()
                    + " is not valid UTF-8 text");
        }
        if (check.unclosedQuoteLine() > 0) {
            throw new InvalidInputException(file.fileName() + ": line " + check.unclosedQuoteLine()
                    + " opens a quoted field that is never closed (the rest of the file would be one field)");
        }
    }

    /** Opens the file and checks its header has every required column of its kind. */
    public static void checkHeader(InputFile file) {
        try (RecordSource source = RecordSource.open(file.path())) {
            Header header = source.header();
            List<String> missing;
            if (file.kind() == InputKind.USAGE && UsageRowParser.isCostExport(header)) {
                missing = new ArrayList<>();
                for (List<String> alternatives : UsageRowParser.COST_EXPORT_COLUMNS) {
                    if (alternatives.stream().noneMatch(header::has)) {
                        missing.add(alternatives.get(0));
                    }
                }
            } else {
                missing = header.missing(file.kind().requiredColumns());
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException(file.fileName() + ": missing required column"
                        + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " (a " + file.kind().label()
                        + " file needs " + String.join(", ", file.kind().requiredColumns()) + ")");
            }
        } catch (IOException e) {
            throw InvalidInputException.unreadable(file.fileName(), e);
        }
    }

    /** Whether a usage file is an Azure cost-details export (it has no CustomerId: import --customer names it). */
    public static boolean isCostExport(InputFile file) {
        if (file.kind() != InputKind.USAGE || file.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            return false;
        }
        try (RecordSource source = RecordSource.open(file.path())) {
            return UsageRowParser.isCostExport(source.header());
        } catch (IOException e) {
            throw InvalidInputException.unreadable(file.fileName(), e);
        }
    }
}
