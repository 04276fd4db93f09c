package dev.ribilling.reporting;

/** What a row of the Recommendations sheet advises. */
public enum RecommendationKind {
    /** Buy a reservation of the recommended normalized quantity for this customer, region and ISF group. */
    BUY,
    /** An existing reservation is used well below break-even: exchange or return part of it. */
    REDUCE
}
