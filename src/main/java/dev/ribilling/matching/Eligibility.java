package dev.ribilling.matching;

/** Which reservations may cover a usage row; decided by {@link UsageEligibility}. */
public enum Eligibility {
    /** Microsoft.Compute VM usage: any matching reservation, instance size flexibility on or off. */
    ANY_RESERVATION,
    /** Classic compute, Batch, Machine Learning, Kusto: only reservations with instance size flexibility on. */
    FLEXIBLE_RESERVATIONS_ONLY,
    /** Spot, Low Priority, other services: billed as they are, never covered. */
    NOT_ELIGIBLE;

    /** Whether a reservation with the given flexibility setting may cover a row of this eligibility. */
    public boolean allows(boolean reservationIsFlexible) {
        return switch (this) {
            case ANY_RESERVATION -> true;
            case FLEXIBLE_RESERVATIONS_ONLY -> reservationIsFlexible;
            case NOT_ELIGIBLE -> false;
        };
    }
}
