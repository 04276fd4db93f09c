package dev.ribilling.ingest;

/**
 * An input that cannot be used at all (unreadable file, missing required column): the command stops with
 * exit code 2 and a message naming the problem, before any row loads.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    /** A file that cannot be opened or read through. */
    public static InvalidInputException unreadable(String fileName, java.io.IOException e) {
        return new InvalidInputException(fileName + ": cannot be read (" + e.getMessage() + ")");
    }
}
