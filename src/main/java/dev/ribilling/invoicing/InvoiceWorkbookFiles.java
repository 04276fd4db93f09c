package dev.ribilling.invoicing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Saving workbooks: fixed document properties and an atomic appearance under the final name. */
final class InvoiceWorkbookFiles {

    static final String CREATOR = "ri-billing";

    private InvoiceWorkbookFiles() {
    }

    /**
     * Fixes the properties POI would otherwise stamp with the clock or the user name, so a rerun writes
     * the same workbook content (and {@link #fixZipTimes} the same bytes).
     */
    static void fixProperties(XSSFWorkbook workbook, LocalDate documentDate, String title) {
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        Date date = Date.from(documentDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setCreator(CREATOR);
        core.setLastModifiedByUser(CREATOR);
        core.setTitle(title);
    }

    /**
     * Writes to a temporary file in the target's directory, then moves it over the target in one step, so
     * a reader (or a crash) never sees half a file. Replacing is allowed because a rerun rewrites the same
     * revision; the caller puts the revision in the name, so a later revision never lands on an earlier one.
     */
    /** The time stamped on every zip entry, so that a rerun writes the same bytes. */
    private static final java.time.LocalDateTime ZIP_ENTRY_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

    /**
     * Copies the workbook's zip with a fixed time on every entry (POI stamps the clock): the same workbook content
     * then gives the same bytes, so rerunning an issued revision rewrites its xlsx byte for byte too.
     */
    static void fixZipTimes(byte[] zip, OutputStream target) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(target)) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(entry.getName());
                copy.setTimeLocal(ZIP_ENTRY_TIME);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    static void saveAtomically(XSSFWorkbook workbook, Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: its owner-only permissions would carry over to the published file.
        Path temp = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            workbook.write(raw);
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
                fixZipTimes(raw.toByteArray(), out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
