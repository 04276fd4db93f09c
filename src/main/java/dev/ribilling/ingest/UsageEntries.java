package dev.ribilling.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The text format of {@code usage_pack.entries}: the usage rows of one customer, usage date and usage line, in the
 * order they were loaded.
 *
 * <pre>
 * entries = entry *( ";" entry )
 * entry   = hour "," [slotHours] "," quantity "," [unitPrice] "," [fileId] "," lineNumber
 * </pre>
 *
 * {@code hour} is the hour of the slot start within the usage date (0 to 23; 0 for a daily row), {@code slotHours}
 * is 1 (hourly row) or 24 (daily row), {@code quantity} and {@code unitPrice} are plain decimals (no exponent,
 * trailing zeros left out), {@code fileId} and {@code lineNumber} are the row's provenance (input_file id and
 * physical line). An empty slotHours, unitPrice or fileId means "the same as the previous entry of this pack"
 * (the first entry of a pack has them all). Example, an hourly VM's first three hours:
 * {@code 0,1,1,0.096,17,2;1,,1,,,3;2,,1,,,4}.
 *
 * <p>Quantity and UnitPrice are stored and read back at scale {@value #SCALE}, rounded HALF_UP, exactly as the
 * DECIMAL(24,10) columns of the former usage_row table did. A pack holds at most {@value #MAX_CHARS} characters;
 * the writer starts the next pack_no when an entry does not fit.
 */
public final class UsageEntries {

    /** The capacity of usage_pack.entries (VARCHAR(12000)). */
    public static final int MAX_CHARS = 12_000;

    /** Quantity and UnitPrice scale, as the former DECIMAL(24,10) columns. */
    public static final int SCALE = 10;

    private UsageEntries() {
    }

    /** The value as stored: scale 10, rounded HALF_UP. */
    public static BigDecimal stored(BigDecimal value) {
        return value.scale() == SCALE ? value : value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Receives decoded entries; quantity and unitPrice are at scale 10 (equal values may be shared instances). */
    public interface Sink {
        void entry(int hour, int slotHours, BigDecimal quantity, BigDecimal unitPrice, long fileId, long lineNumber);
    }

    /** One decoded entry. */
    public record Entry(int hour, int slotHours, BigDecimal quantity, BigDecimal unitPrice, long fileId,
            long lineNumber) {
    }

    /** Builds the text of one pack. */
    public static final class Packer {

        private final int maxChars;
        private final StringBuilder text = new StringBuilder(256);
        private int count;
        private int lastSlotHours = -1;
        private BigDecimal lastPrice;
        private long lastFileId = -1;
        private BigDecimal lastQuantity;
        private String lastQuantityText;

        public Packer() {
            this(MAX_CHARS);
        }

        public Packer(int maxChars) {
            this.maxChars = maxChars;
        }

        /**
         * Appends an entry when it fits (a pack's first entry always does), with quantity and unitPrice rounded to
         * scale 10; returns false and leaves the pack as it was when it does not.
         */
        public boolean add(int hour, int slotHours, BigDecimal quantity, BigDecimal unitPrice, long fileId,
                long lineNumber) {
            if (hour < 0 || hour > 23 || slotHours < 1) {
                throw new IllegalArgumentException("slot start hour " + hour + " / slot hours " + slotHours);
            }
            int mark = text.length();
            BigDecimal q = stored(quantity);
            BigDecimal p = stored(unitPrice);
            if (count > 0) {
                text.append(';');
            }
            text.append(hour).append(',');
            if (slotHours != lastSlotHours) {
                text.append(slotHours);
            }
            text.append(',');
            if (lastQuantity == null || lastQuantity.compareTo(q) != 0) {
                lastQuantityText = plain(q);
                lastQuantity = q;
            }
            text.append(lastQuantityText).append(',');
            if (lastPrice == null || lastPrice.compareTo(p) != 0) {
                text.append(plain(p));
            }
            text.append(',');
            if (fileId != lastFileId) {
                text.append(fileId);
            }
            text.append(',').append(lineNumber);
            if (count > 0 && text.length() > maxChars) {
                text.setLength(mark);
                return false;
            }
            if (text.length() > maxChars) {
                throw new IllegalStateException("a usage entry longer than a pack: " + text);
            }
            count++;
            lastSlotHours = slotHours;
            lastPrice = p;
            lastFileId = fileId;
            return true;
        }

        public boolean add(Entry e) {
            return add(e.hour(), e.slotHours(), e.quantity(), e.unitPrice(), e.fileId(), e.lineNumber());
        }

        public int count() {
            return count;
        }

        public boolean isEmpty() {
            return count == 0;
        }

        public String text() {
            return text.toString();
        }
    }

    /** The plain text of a scale-10 value without trailing zeros ("1", "0.096", "-2.5"). */
    static String plain(BigDecimal value) {
        String s = value.toPlainString();
        int dot = s.indexOf('.');
        if (dot < 0) {
            return s;
        }
        int end = s.length();
        while (end > dot + 1 && s.charAt(end - 1) == '0') {
            end--;
        }
        if (end == dot + 1) {
            end = dot;
        }
        String t = s.substring(0, end);
        return t.equals("-0") ? "0" : t;
    }

    /** Decodes a pack's text into {@code sink}, in stored order; returns the number of entries. */
    public static int decode(String text, Sink sink) {
        char[] c = text.toCharArray();
        int n = c.length;
        int pos = 0;
        int count = 0;
        int slotHours = -1;
        BigDecimal price = null;
        long fileId = -1;
        int lastQStart = -1;
        int lastQLength = 0;
        BigDecimal quantity = null;
        int lastPStart = -1;
        int lastPLength = 0;
        while (pos < n) {
            int end = field(c, pos, n, ',');
            int hour = (int) parseLong(c, pos, end);
            pos = end + 1;
            end = field(c, pos, n, ',');
            if (end > pos) {
                slotHours = (int) parseLong(c, pos, end);
            }
            pos = end + 1;
            end = field(c, pos, n, ',');
            if (quantity == null || !same(c, lastQStart, lastQLength, pos, end - pos)) {
                quantity = parseDecimal(c, pos, end);
                lastQStart = pos;
                lastQLength = end - pos;
            }
            pos = end + 1;
            end = field(c, pos, n, ',');
            if (end > pos && (price == null || !same(c, lastPStart, lastPLength, pos, end - pos))) {
                price = parseDecimal(c, pos, end);
                lastPStart = pos;
                lastPLength = end - pos;
            }
            pos = end + 1;
            end = field(c, pos, n, ',');
            if (end > pos) {
                fileId = parseLong(c, pos, end);
            }
            pos = end + 1;
            end = field(c, pos, n, ';');
            long lineNumber = parseLong(c, pos, end);
            pos = end + 1;
            if (slotHours < 0 || price == null || fileId < 0) {
                throw new IllegalArgumentException("usage entry " + count + " lacks a field: " + text);
            }
            sink.entry(hour, slotHours, quantity, price, fileId, lineNumber);
            count++;
        }
        return count;
    }

    /** Decodes a pack's text into a list. */
    public static java.util.List<Entry> decode(String text) {
        java.util.List<Entry> entries = new java.util.ArrayList<>();
        decode(text, (h, s, q, p, f, l) -> entries.add(new Entry(h, s, q, p, f, l)));
        return entries;
    }

    private static int field(char[] c, int from, int n, char separator) {
        int i = from;
        while (i < n && c[i] != separator) {
            if (separator == ',' && c[i] == ';') {
                throw new IllegalArgumentException("usage entry cut short at " + i + ": " + new String(c));
            }
            i++;
        }
        return i;
    }

    private static boolean same(char[] c, int aStart, int aLength, int bStart, int bLength) {
        if (aLength != bLength) {
            return false;
        }
        for (int i = 0; i < aLength; i++) {
            if (c[aStart + i] != c[bStart + i]) {
                return false;
            }
        }
        return true;
    }

    private static long parseLong(char[] c, int from, int to) {
        if (from >= to || to - from > 18) {
            throw new IllegalArgumentException("not a number at " + from + ": " + new String(c));
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a number at " + from + ": " + new String(c));
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static final long[] POWERS = new long[SCALE + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i <= SCALE; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** A plain decimal at scale 10: digits with at most one dot and a leading minus. */
    static BigDecimal parseDecimal(char[] c, int from, int to) {
        if (from >= to) {
            throw new IllegalArgumentException("empty decimal at " + from + ": " + new String(c));
        }
        int i = from;
        boolean negative = c[i] == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            char ch = c[i];
            if (ch == '.' && fraction < 0) {
                fraction = 0;
                continue;
            }
            int d = ch - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a decimal at " + from + ": " + new String(c));
            }
            unscaled = unscaled * 10 + d;
            digits++;
            if (fraction >= 0) {
                fraction++;
            }
            if (digits > 8 || fraction > SCALE) {
                // Long or finely scaled values: the exact slow path (8 digits + 10 more of scale fit in a long).
                return stored(new BigDecimal(c, from, to - from));
            }
        }
        if (digits == 0) {
            throw new IllegalArgumentException("not a decimal at " + from + ": " + new String(c));
        }
        int scale = Math.max(fraction, 0);
        long value = unscaled * POWERS[SCALE - scale];
        return BigDecimal.valueOf(negative ? -value : value, SCALE);
    }
}
