package dev.ribilling.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Typed, validated access to the fields of one record. Every failure is a {@link RowRejectedException} whose
 * message names the column and the offending value, so the rejects file explains itself.
 */
public final class FieldReader {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DEVICE_NAME = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");
    /** Strict: 02/30/2026 is rejected, not moved to 02/28 (uuuu: STRICT needs a proleptic year, not year-of-era). */
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final Header header;
    /** Column positions by the (constant) names the parsers use: no lower-casing per field and row. */
    private final java.util.Map<String, Integer> positions = new java.util.HashMap<>();
    private String[] fields;

    public FieldReader(Header header) {
        this.header = header;
    }

    private int index(String column) {
        Integer i = positions.get(column);
        if (i == null) {
            i = header.indexOf(column);
            positions.put(column, i);
        }
        return i;
    }

    public FieldReader on(SourceRecord record) {
        this.fields = record.fields();
        return this;
    }

    public boolean has(String column) {
        return index(column) >= 0;
    }

    /** Trimmed text, or null when the column is absent or blank. */
    public String text(String column) {
        int i = index(column);
        if (i < 0 || i >= fields.length) {
            return null;
        }
        String v = fields[i];
        if (v == null) {
            return null;
        }
        v = v.trim();
        return v.isEmpty() ? null : v;
    }

    public String required(String column) {
        String v = text(column);
        if (v == null) {
            throw new RowRejectedException(RejectReason.MISSING_FIELD, column + " is empty");
        }
        return v;
    }

    public BigDecimal decimal(String column) {
        String v = required(column);
        return parseDecimal(column, v);
    }

    public BigDecimal optionalDecimal(String column) {
        String v = text(column);
        return v == null ? null : parseDecimal(column, v);
    }

    private static BigDecimal parseDecimal(String column, String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new RowRejectedException(RejectReason.MALFORMED_FIELD,
                    column + " '" + v + "' is not a decimal number (use a dot, no thousands separator)");
        }
    }

    public BigDecimal nonNegative(String column) {
        BigDecimal d = decimal(column);
        if (d.signum() < 0) {
            throw new RowRejectedException(RejectReason.NEGATIVE_QUANTITY, column + " " + d.toPlainString() + " is negative");
        }
        return d;
    }

    public BigDecimal positive(String column) {
        BigDecimal d = decimal(column);
        if (d.signum() <= 0) {
            throw new RowRejectedException(d.signum() < 0 ? RejectReason.NEGATIVE_QUANTITY : RejectReason.MALFORMED_FIELD,
                    column + " " + d.toPlainString() + " must be greater than zero");
        }
        return d;
    }

    public Currency currency(String column) {
        return parseCurrency(column, required(column));
    }

    public Currency optionalCurrency(String column) {
        String v = text(column);
        return v == null ? null : parseCurrency(column, v);
    }

    private static Currency parseCurrency(String column, String v) {
        try {
            if (v.length() != 3) {
                throw new IllegalArgumentException();
            }
            return Currency.getInstance(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(RejectReason.MALFORMED_FIELD, column + " '" + v + "' is not an ISO 4217 currency code");
        }
    }

    /** An ISO date; a date-time with a zone is accepted too and gives its UTC date. */
    public LocalDate date(String column) {
        return parseDate(column, required(column));
    }

    static LocalDate parseDate(String column, String v) {
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v);
            }
            return parseInstant(column, v).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(RejectReason.MALFORMED_FIELD, column + " '" + v + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    /** A US date as in Azure cost-details exports (MM/DD/YYYY); ISO dates are accepted too. */
    public LocalDate usDate(String column) {
        String v = required(column);
        try {
            return v.contains("/") ? LocalDate.parse(v, US_DATE) : parseDate(column, v);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(RejectReason.MALFORMED_FIELD, column + " '" + v + "' is not a date (MM/DD/YYYY)");
        }
    }

    public Instant dateTime(String column) {
        return instant(column, required(column));
    }

    /**
     * {@link #parseInstant} with a memory: hourly usage repeats a month's 744 timestamps over and over, so each
     * text is parsed once per file.
     */
    Instant instant(String column, String v) {
        Instant known = parsedInstants.get(v);
        if (known != null) {
            return known;
        }
        Instant parsed = parseInstant(column, v);
        if (parsedInstants.size() >= 4096) {
            parsedInstants.clear();
        }
        parsedInstants.put(v, parsed);
        return parsed;
    }

    /** Texts that parsed (only valid ones: a bad text is rejected again with its reason every time). */
    private final java.util.Map<String, Instant> parsedInstants = new java.util.HashMap<>();

    public Instant optionalDateTime(String column) {
        String v = text(column);
        return v == null ? null : parseInstant(column, v);
    }

    /**
     * ISO-8601 with Z or an offset, converted to UTC. A date-time without a zone is rejected: its hour would be a
     * guess. A plain date means 00:00 UTC of that day (domain.md Q11).
     */
    static Instant parseInstant(String column, String v) {
        if (v.length() == 10) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new RowRejectedException(RejectReason.MALFORMED_FIELD, column + " '" + v + "' is not an ISO date-time");
            }
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                java.time.LocalDateTime.parse(v);
                throw new RowRejectedException(RejectReason.MALFORMED_FIELD,
                        column + " '" + v + "' has no time zone (add Z or an offset such as +02:00)");
            } catch (DateTimeParseException notLocal) {
                throw new RowRejectedException(RejectReason.MALFORMED_FIELD,
                        column + " '" + v + "' is not an ISO-8601 date-time (e.g. 2026-10-01T13:00:00Z)");
            }
        }
    }

    /** A CustomerId or ResellerId, which also names folders under out/: it must be safe as a file name. */
    public String safeId(String column) {
        return checkSafeId(column, required(column));
    }

    public String optionalSafeId(String column) {
        String v = text(column);
        return v == null ? null : checkSafeId(column, v);
    }

    public static String checkSafeId(String column, String v) {
        if (!SAFE_ID.matcher(v).matches() || DEVICE_NAME.matcher(v).matches()) {
            throw new RowRejectedException(RejectReason.UNSAFE_ID, column + " '" + v
                    + "' is not allowed: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit, "
                    + "and not a device name such as CON");
        }
        return v;
    }

    public static boolean isSafeId(String v) {
        return v != null && SAFE_ID.matcher(v).matches() && !DEVICE_NAME.matcher(v).matches();
    }

    /** One of the allowed words, compared case-insensitively; returns the canonical spelling. */
    public String oneOf(String column, String defaultValue, String... allowed) {
        String v = text(column);
        if (v == null) {
            if (defaultValue != null) {
                return defaultValue;
            }
            throw new RowRejectedException(RejectReason.MISSING_FIELD, column + " is empty");
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw new RowRejectedException(RejectReason.MALFORMED_FIELD,
                column + " '" + v + "' must be one of " + String.join(", ", allowed));
    }
}
