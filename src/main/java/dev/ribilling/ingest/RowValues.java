package dev.ribilling.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical values of a keyed input row (as JSON with a fixed key order), stored beside the row. Two
 * versions of a row are equal exactly when their canonical values are equal, and the audit history shows
 * both versions in this form.
 */
public final class RowValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedHashMap<String, String> values = new LinkedHashMap<>();

    public RowValues put(String name, Object value) {
        values.put(name, canonical(value));
        return this;
    }

    private static String canonical(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        return value.toString();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored row values are not JSON: " + json, e);
        }
    }

    /** Names of the values that differ between two canonical forms. */
    public static java.util.List<String> changedNames(String oldJson, String newJson) {
        Map<String, String> before = fromJson(oldJson);
        Map<String, String> after = fromJson(newJson);
        java.util.List<String> changed = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String n : names) {
            if (!Objects.equals(before.getOrDefault(n, ""), after.getOrDefault(n, ""))) {
                changed.add(n);
            }
        }
        return changed;
    }
}
