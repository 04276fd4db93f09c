package dev.ribilling.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column positions found by header name, case-insensitively, in any order; unknown columns are ignored. */
public final class Header {

    private final Map<String, Integer> positions = new HashMap<>();
    private final List<String> names;

    public Header(String[] names) {
        this.names = List.of(names);
        for (int i = 0; i < names.length; i++) {
            String key = normalise(names[i]);
            // The first occurrence wins when a header repeats a name.
            positions.putIfAbsent(key, i);
        }
    }

    private static String normalise(String name) {
        String n = name == null ? "" : name.trim();
        if (!n.isEmpty() && n.charAt(0) == '\uFEFF') {
            n = n.substring(1);
        }
        return n.toLowerCase(Locale.ROOT);
    }

    /** Position of a column, or -1 when the header does not have it. */
    public int indexOf(String column) {
        Integer i = positions.get(normalise(column));
        return i == null ? -1 : i;
    }

    public boolean has(String column) {
        return indexOf(column) >= 0;
    }

    public List<String> missing(List<String> required) {
        List<String> missing = new ArrayList<>();
        for (String column : required) {
            if (!has(column)) {
                missing.add(column);
            }
        }
        return missing;
    }

    public List<String> names() {
        return names;
    }
}
