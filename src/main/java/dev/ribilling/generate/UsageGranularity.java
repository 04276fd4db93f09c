package dev.ribilling.generate;

/** How usage rows are sliced: one row per VM and clock hour, or one row per VM and calendar day (UTC). */
public enum UsageGranularity {
    HOURLY,
    DAILY
}
