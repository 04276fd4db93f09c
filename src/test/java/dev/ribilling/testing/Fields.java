package dev.ribilling.testing;

import dev.ribilling.ingest.FieldReader;
import dev.ribilling.ingest.Header;
import dev.ribilling.ingest.RejectReason;
import dev.ribilling.ingest.RowRejectedException;
import dev.ribilling.ingest.SourceRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builds a {@link FieldReader} positioned on one row, from column names and values, for parser unit tests. */
public final class Fields {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Fields() {
    }

    public static Fields row() {
        return new Fields();
    }

    /** A row with columns in pairs: name, value, name, value... */
    public static Fields of(String... namesAndValues) {
        Fields f = new Fields();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            f.values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return f;
    }

    public Fields with(String name, String value) {
        values.put(name, value);
        return this;
    }

    public Fields without(String name) {
        values.remove(name);
        return this;
    }

    public Header header() {
        return new Header(values.keySet().toArray(String[]::new));
    }

    public FieldReader reader() {
        Header header = header();
        String[] fields = values.values().stream().map(v -> v == null ? "" : v).toArray(String[]::new);
        return new FieldReader(header).on(new SourceRecord(2, String.join(",", fields), fields));
    }

    /** Asserts the call rejects the row with this reason and a message starting with the given text. */
    public static void assertRejected(ThrowingCallable call, RejectReason reason, String messagePrefix) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RowRejectedException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
            org.assertj.core.api.Assertions.assertThat(e.getMessage()).startsWith(messagePrefix);
        });
    }
}
