package dev.ribilling.matching;

/**
 * Reservation scope types, declared from the narrowest to the broadest: the declaration order is the
 * order in which reservations are applied within a slot (contract section 3, "Order").
 */
public enum ScopeType {
    /** One resource group of one subscription. */
    RESOURCE_GROUP,
    /** One subscription. */
    SINGLE,
    /** Every subscription of the customer, i.e. everything the engine is given for one customer-day. */
    SHARED;

    /** Parses the contract's spelling (ResourceGroup, Single, Shared), case-insensitively. */
    public static ScopeType parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("scope type is required");
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "resourcegroup" -> RESOURCE_GROUP;
            case "single" -> SINGLE;
            case "shared" -> SHARED;
            default -> throw new IllegalArgumentException("unknown scope type: " + text);
        };
    }
}
