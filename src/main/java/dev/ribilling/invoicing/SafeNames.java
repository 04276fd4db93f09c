package dev.ribilling.invoicing;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CustomerId or ResellerId becomes a folder name under out/ (contract sections 2 and 4), so it must be
 * harmless on every file system: {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}} (no separators, no "..", no
 * leading dot or dash) and not a Windows device name, with or without an extension (CON, con.txt).
 */
public final class SafeNames {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private SafeNames() {
    }

    public static boolean isSafe(String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            return false;
        }
        // Windows resolves "CON.txt" (and "con.tar.gz") to the device, so only the part before the first dot counts.
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        return !DEVICES.contains(base.toUpperCase(Locale.ROOT));
    }

    /** Returns the name unchanged, or refuses it with the reason. */
    public static String require(String name) {
        if (!isSafe(name)) {
            throw new IllegalArgumentException("unsafe file name (must match [A-Za-z0-9][A-Za-z0-9._-]{0,63} and not "
                    + "be a Windows device name): " + name);
        }
        return name;
    }
}
