package dev.ribilling.billing;

import java.util.Locale;

/**
 * Normal forms for identifiers that the contract compares case-insensitively: subscription ids,
 * resource groups, SKU names and regions. Regions also lose their spaces ("West Europe" = "westeurope").
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** Lower-cased and trimmed; null stays null, blank becomes null. */
    public static String key(String id) {
        if (id == null) {
            return null;
        }
        String trimmed = id.trim();
        return trimmed.isEmpty() ? null : trimmed.toLowerCase(Locale.ROOT);
    }

    /** Region normal form: lower case without any white space. */
    public static String region(String region) {
        if (region == null) {
            return null;
        }
        boolean normal = !region.isEmpty();
        for (int i = 0; i < region.length() && normal; i++) {
            char c = region.charAt(i);
            normal = !Character.isWhitespace(c) && Character.toLowerCase(c) == c;
        }
        if (normal) {
            return region; // already in normal form: the hot paths pass normalised regions again
        }
        StringBuilder sb = new StringBuilder(region.length());
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
