package dev.ribilling.generate;

/** When a VM runs; the mix is what makes reservations partly used and usage partly uncovered. */
enum RunPattern {
    /** Around the clock: the steady load reservations are bought for. */
    ALWAYS_ON,
    /** Weekdays about 08:00 to 18:00 UTC, starting a little early and stopping a little late (partial hours). */
    BUSINESS_HOURS,
    /** Zero to two runs a day of half an hour to six hours at random times. */
    BURSTS,
    /** Around the clock until it is deleted at a random moment in the period. */
    DELETED_MID_PERIOD,
    /** Created at a random moment in the period, then around the clock. */
    CREATED_MID_PERIOD
}
