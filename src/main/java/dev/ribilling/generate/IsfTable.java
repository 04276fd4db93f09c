package dev.ribilling.generate;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Microsoft's instance size flexibility table, shipped unchanged on the classpath. The generator copies it verbatim
 * as the {@code isf} input file and reads its ratios, so reservations are sized with the same numbers the matcher
 * will use.
 */
final class IsfTable {

    static final String RESOURCE = "/isf/InstanceSizeFlexibility.csv";

    private final byte[] fileBytes;
    private final Map<String, Entry> bySku;

    record Entry(String group, String armSkuName, BigDecimal ratio) {
    }

    private IsfTable(byte[] fileBytes, Map<String, Entry> bySku) {
        this.fileBytes = fileBytes;
        this.bySku = bySku;
    }

    static IsfTable fromClasspath() {
        try (InputStream in = IsfTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IsfTable parse(byte[] bytes) {
        // Storage reserved-capacity rows repeat their SKU names across regions; only VM sizes are looked up, and
        // those are unique, so the first occurrence wins.
        Map<String, Entry> bySku = new TreeMap<>();
        try (CSVReader reader = new CSVReader(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            String[] header = reader.readNext();
            if (header == null || header.length < 3) {
                throw new IllegalStateException("ISF table has no header");
            }
            String[] row;
            while ((row = reader.readNext()) != null) {
                if (row.length >= 3) {
                    String key = row[1].toLowerCase(Locale.ROOT);
                    bySku.putIfAbsent(key, new Entry(row[0], row[1], new BigDecimal(row[2].trim())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvValidationException e) {
            throw new IllegalStateException("ISF table is not valid CSV", e);
        }
        return new IsfTable(bytes, bySku);
    }

    Entry require(String armSkuName) {
        Entry entry = bySku.get(armSkuName.toLowerCase(Locale.ROOT));
        if (entry == null) {
            throw new IllegalStateException(armSkuName + " is not in the ISF table");
        }
        return entry;
    }

    byte[] fileBytes() {
        return fileBytes.clone();
    }

    int rowCount() {
        return bySku.size();
    }
}
