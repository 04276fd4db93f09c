package dev.ribilling.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Minutes a VM runs in each clock hour of a day (UTC). Stateless: bursty VMs draw their day from a hash of their
 * own random key and the day, so the result does not depend on the order VMs or days are visited.
 */
final class RunSchedule {

    private static final int BUSINESS_START = 8 * 60;
    private static final int BUSINESS_END = 18 * 60;

    private RunSchedule() {
    }

    /**
     * Fills {@code minutesPerHour[0..23]} with the minutes {@code vm} runs in each hour of {@code day}
     * (per instance; a scale set's usage is this times its instances).
     */
    static void fill(SyntheticVm vm, LocalDate day, int[] minutesPerHour) {
        Arrays.fill(minutesPerHour, 0);
        long dayStart = day.toEpochDay() * 1440;
        // The VM's lifetime, clipped to this day, in minutes of the day.
        int alive0 = (int) Math.max(0, Math.min(1440, saturatedMinus(vm.activeFromMinute(), dayStart)));
        int alive1 = (int) Math.max(0, Math.min(1440, saturatedMinus(vm.activeUntilMinute(), dayStart)));
        if (alive0 >= alive1) {
            return;
        }
        switch (vm.pattern()) {
            case ALWAYS_ON, DELETED_MID_PERIOD, CREATED_MID_PERIOD -> run(minutesPerHour, 0, 1440, alive0, alive1);
            case BUSINESS_HOURS -> {
                DayOfWeek weekday = day.getDayOfWeek();
                if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
                    run(minutesPerHour, BUSINESS_START - vm.earlyStartMinutes(),
                            BUSINESS_END + vm.lateStopMinutes(), alive0, alive1);
                }
            }
            case BURSTS -> {
                long state = mix(vm.randomKey() ^ (day.toEpochDay() * 0x9E37_79B9_7F4A_7C15L));
                int bursts = (int) Long.remainderUnsigned(state, 3);
                int cursor = (int) Long.remainderUnsigned(state >>> 8, 480);
                for (int b = 0; b < bursts && cursor < 1440; b++) {
                    state = mix(state);
                    int start = cursor + (int) Long.remainderUnsigned(state, 240);
                    int end = Math.min(1440, start + 30 + (int) Long.remainderUnsigned(state >>> 20, 331));
                    run(minutesPerHour, start, end, alive0, alive1);
                    cursor = end + 30;
                }
            }
            default -> throw new IllegalStateException(vm.pattern().toString());
        }
    }

    /** Adds the running interval [start, end) of the day, clipped to [alive0, alive1), to the hour buckets. */
    private static void run(int[] minutesPerHour, int start, int end, int alive0, int alive1) {
        int from = Math.max(start, alive0);
        int to = Math.min(end, alive1);
        for (int minute = from; minute < to; ) {
            int hour = minute / 60;
            int hourEnd = Math.min(to, (hour + 1) * 60);
            minutesPerHour[hour] += hourEnd - minute;
            minute = hourEnd;
        }
    }

    private static long saturatedMinus(long a, long b) {
        if (a == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        if (a == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return a - b;
    }

    /** SplitMix64's finaliser: a cheap, well-mixed hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
