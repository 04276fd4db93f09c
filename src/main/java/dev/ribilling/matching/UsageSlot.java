package dev.ribilling.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The slot a usage row's hours fall in: one UTC clock hour (hourly rows) or one UTC calendar day (daily
 * rows). {@code hourOfDay} is null for a daily slot.
 */
public record UsageSlot(LocalDate date, Integer hourOfDay) implements Comparable<UsageSlot> {

    private static final long SECONDS_PER_HOUR = 3600;

    public UsageSlot {
        Objects.requireNonNull(date, "date");
        if (hourOfDay != null && (hourOfDay < 0 || hourOfDay > 23)) {
            throw new IllegalArgumentException("hour of day out of range: " + hourOfDay);
        }
    }

    /** An hourly slot; the instant must be exactly on the hour (contract section 2, usage UsageDate). */
    public static UsageSlot hourly(Instant hourStart) {
        long seconds = hourStart.getEpochSecond();
        if (hourStart.getNano() != 0 || Math.floorMod(seconds, SECONDS_PER_HOUR) != 0) {
            throw new IllegalArgumentException("an hourly slot starts on the hour: " + hourStart);
        }
        return new UsageSlot(LocalDate.ofInstant(hourStart, ZoneOffset.UTC),
                (int) (Math.floorMod(seconds, 86_400L) / SECONDS_PER_HOUR));
    }

    public static UsageSlot daily(LocalDate date) {
        return new UsageSlot(date, null);
    }

    public boolean isDaily() {
        return hourOfDay == null;
    }

    /** Start of the slot: the hour's start, or midnight UTC of a daily slot's date. */
    public Instant start() {
        Instant midnight = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        return isDaily() ? midnight : midnight.plusSeconds(hourOfDay * SECONDS_PER_HOUR);
    }

    /** Hourly slots in time order, and a day's daily slot after its 24 hours (the order of matching). */
    @Override
    public int compareTo(UsageSlot other) {
        int byDate = date.compareTo(other.date);
        if (byDate != 0) {
            return byDate;
        }
        return Integer.compare(isDaily() ? 24 : hourOfDay, other.isDaily() ? 24 : other.hourOfDay);
    }

    @Override
    public String toString() {
        return isDaily() ? date.toString() : start().toString();
    }
}
