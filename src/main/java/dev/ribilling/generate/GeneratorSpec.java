package dev.ribilling.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything that decides the generated files. Two runs with equal specs write byte-identical files.
 *
 * @param seed            the only source of randomness
 * @param customers       number of customers (each gets at least one VM)
 * @param totalVms        number of VMs over all customers (a few are scale sets, counted as one each)
 * @param period          the billing month; reservations, prices, fx rates and the partner invoice cover it whole
 * @param firstDay        first day with usage, inside {@code period}
 * @param days            number of usage days from {@code firstDay}, all inside {@code period}
 * @param granularity     hourly or daily usage rows
 * @param outputDir       where the files go (created when missing)
 * @param partnerInvoice  also write Microsoft's partner invoice (reservation purchases, instalments, refunds)
 */
public record GeneratorSpec(
        long seed,
        int customers,
        int totalVms,
        YearMonth period,
        LocalDate firstDay,
        int days,
        UsageGranularity granularity,
        Path outputDir,
        boolean partnerInvoice) {

    /** The month every preset generates: the month of the hand-written sample data. */
    public static final YearMonth PRESET_PERIOD = YearMonth.of(2026, 10);

    public GeneratorSpec {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(outputDir, "outputDir");
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1");
        }
        if (totalVms < customers) {
            throw new IllegalArgumentException("totalVms (" + totalVms + ") must be at least customers (" + customers + ")");
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        if (!YearMonth.from(firstDay).equals(period) || !YearMonth.from(firstDay.plusDays(days - 1L)).equals(period)) {
            throw new IllegalArgumentException("usage days " + firstDay + " + " + days + " must lie inside " + period);
        }
    }

    /** Usage for every day of {@code period}. */
    public static GeneratorSpec wholeMonth(long seed, int customers, int totalVms, YearMonth period,
            UsageGranularity granularity, Path outputDir) {
        return new GeneratorSpec(seed, customers, totalVms, period, period.atDay(1), period.lengthOfMonth(),
                granularity, outputDir, true);
    }

    /** Usage for {@code days} days from {@code firstDay}; the period is the month of {@code firstDay}. */
    public static GeneratorSpec days(long seed, int customers, int totalVms, LocalDate firstDay, int days,
            UsageGranularity granularity, Path outputDir) {
        return new GeneratorSpec(seed, customers, totalVms, YearMonth.from(firstDay), firstDay, days, granularity,
                outputDir, true);
    }

    /** The same, with the fleet given as VMs per customer instead of a total. */
    public static GeneratorSpec daysWithVmsPerCustomer(long seed, int customers, int vmsPerCustomer,
            LocalDate firstDay, int days, UsageGranularity granularity, Path outputDir) {
        return days(seed, customers, Math.multiplyExact(customers, vmsPerCustomer), firstDay, days, granularity,
                outputDir);
    }

    /**
     * The benchmark sizes, all hourly in {@link #PRESET_PERIOD}:
     * <ul>
     *   <li>{@code S}: 4 customers, 40 VMs, one day (under a thousand usage rows)</li>
     *   <li>{@code M}: 500 customers, 25,000 VMs, one day (about 0.51 million usage rows, 170 MB)</li>
     *   <li>{@code L}: the same fleet as M for the whole month (about 15.4 million usage rows, 5.1 GB)</li>
     * </ul>
     * M and L with the same seed describe the same customers, VMs and reservations, so L is "M for a month".
     * Rows are fewer than VMs × hours because business-hours, bursty, deleted and not-yet-created VMs do not run
     * every hour; daily disk, storage and bandwidth rows add about 5 %.
     */
    public static GeneratorSpec preset(String size, long seed, Path outputDir) {
        LocalDate first = PRESET_PERIOD.atDay(1);
        return switch (size.toUpperCase(Locale.ROOT)) {
            case "S" -> days(seed, 4, 40, first, 1, UsageGranularity.HOURLY, outputDir);
            case "M" -> days(seed, 500, 25_000, first, 1, UsageGranularity.HOURLY, outputDir);
            case "L" -> wholeMonth(seed, 500, 25_000, PRESET_PERIOD, UsageGranularity.HOURLY, outputDir);
            default -> throw new IllegalArgumentException("unknown preset '" + size + "' (expected S, M or L)");
        };
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }

    public GeneratorSpec withGranularity(UsageGranularity newGranularity) {
        return new GeneratorSpec(seed, customers, totalVms, period, firstDay, days, newGranularity, outputDir,
                partnerInvoice);
    }

    public GeneratorSpec withOutputDir(Path newOutputDir) {
        return new GeneratorSpec(seed, customers, totalVms, period, firstDay, days, granularity, newOutputDir,
                partnerInvoice);
    }

    public GeneratorSpec withSeed(long newSeed) {
        return new GeneratorSpec(newSeed, customers, totalVms, period, firstDay, days, granularity, outputDir,
                partnerInvoice);
    }

    public GeneratorSpec withPartnerInvoice(boolean write) {
        return new GeneratorSpec(seed, customers, totalVms, period, firstDay, days, granularity, outputDir, write);
    }
}
