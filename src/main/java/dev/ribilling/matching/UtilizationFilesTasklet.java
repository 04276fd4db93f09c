package dev.ribilling.matching;

import dev.ribilling.billing.Money;
import dev.ribilling.output.SafeCsvWriter;
import dev.ribilling.pricing.ReportRounding;
import dev.ribilling.pricing.Utilization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Currency;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <out>/<YYYY-MM>/utilization-<YYYY-MM>.csv} (one row per reservation with capacity in the month)
 * and {@code utilization-daily-<YYYY-MM>.csv} (one row per reservation and day with capacity) in one pass over
 * the stored daily results, ordered by ReservationId then Date. Monthly values are sums of the unrounded daily
 * values; every figure is rounded once, here (units 6 decimals, utilization 4, money to the currency).
 */
@Component
public class UtilizationFilesTasklet implements Tasklet {

    static final String[] MONTHLY = {"ReservationId", "CustomerId", "SkuName", "Region", "CapacityUnits", "UsedUnits",
            "Utilization", "AmortizedCost", "PaygEquivalent", "Savings", "Currency"};
    private static final boolean[] NUMERIC = {false, false, false, false, true, true, true, true, true, true, false};
    private static final boolean[] NUMERIC_DAILY = {false, false, false, false, true, true, true, true, true, true, false,
            false};

    private final JdbcTemplate jdbc;
    private final String defaultOut;

    public UtilizationFilesTasklet(JdbcTemplate jdbc, @Value("${billing.out:out}") String defaultOut) {
        this.jdbc = jdbc;
        this.defaultOut = defaultOut;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        var parameters = contribution.getStepExecution().getJobExecution().getJobParameters();
        YearMonth month = YearMonth.parse(parameters.getString("period"));
        String out = parameters.getString("out");
        write(Path.of(out == null ? defaultOut : out), month);
        return RepeatStatus.FINISHED;
    }

    public void write(Path out, YearMonth month) throws IOException {
        Path dir = out.resolve(month.toString());
        try (SafeCsvWriter monthly = new SafeCsvWriter(dir.resolve("utilization-" + month + ".csv"));
                SafeCsvWriter daily = new SafeCsvWriter(dir.resolve("utilization-daily-" + month + ".csv"))) {
            monthly.row(MONTHLY);
            String[] dailyHeader = java.util.Arrays.copyOf(MONTHLY, MONTHLY.length + 1);
            dailyHeader[MONTHLY.length] = "Date";
            daily.row(dailyHeader);
            Accumulator[] current = {null};
            try {
                jdbc.query("SELECT d.reservation_id, r.customer_id, r.sku_display, r.region, d.usage_date, d.capacity_units, "
                    + "d.used_units, d.amortized_cost, d.payg_equivalent, d.savings, d.currency FROM reservation_day d "
                    + "JOIN reservation r ON r.reservation_id = d.reservation_id WHERE d.usage_date BETWEEN ? AND ? "
                    + "ORDER BY d.reservation_id, d.usage_date", rs -> {
                        String id = rs.getString(1);
                        if (current[0] == null || !current[0].reservationId.equals(id)) {
                            flush(monthly, current[0]);
                            current[0] = new Accumulator(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                    Currency.getInstance(rs.getString(11)));
                        }
                        Accumulator a = current[0];
                        BigDecimal capacity = rs.getBigDecimal(6);
                        BigDecimal used = rs.getBigDecimal(7);
                        BigDecimal amortized = rs.getBigDecimal(8);
                        BigDecimal payg = rs.getBigDecimal(9);
                        BigDecimal savings = rs.getBigDecimal(10);
                        a.add(capacity, used, amortized, payg, savings);
                        if (capacity.signum() > 0) {
                            try {
                                daily.row(a.cells(capacity, used, amortized, payg, savings, rs.getObject(5,
                                        java.time.LocalDate.class).toString()), NUMERIC_DAILY);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }, month.atDay(1), month.atEndOfMonth());
                flush(monthly, current[0]);
            } catch (RuntimeException e) {
                // Neither file is published half written: the previous ones stay.
                monthly.abandon();
                daily.abandon();
                throw e;
            }
        }
    }

    private static void flush(SafeCsvWriter monthly, Accumulator a) {
        if (a == null || a.capacity.signum() == 0) {
            return;
        }
        try {
            monthly.row(a.cells(a.capacity, a.used, a.amortized, a.paygKnown ? a.payg : null,
                    a.paygKnown ? a.savings : null, null), NUMERIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sums of one reservation's unrounded daily values. */
    private static final class Accumulator {
        final String reservationId;
        final String customerId;
        final String sku;
        final String region;
        final Currency currency;
        BigDecimal capacity = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal amortized = BigDecimal.ZERO;
        BigDecimal payg = BigDecimal.ZERO;
        BigDecimal savings = BigDecimal.ZERO;
        boolean paygKnown = true;

        Accumulator(String reservationId, String customerId, String sku, String region, Currency currency) {
            this.reservationId = reservationId;
            this.customerId = customerId;
            this.sku = sku;
            this.region = region;
            this.currency = currency;
        }

        void add(BigDecimal c, BigDecimal u, BigDecimal a, BigDecimal p, BigDecimal s) {
            capacity = capacity.add(c);
            used = used.add(u);
            amortized = amortized.add(a);
            if (p == null) {
                paygKnown = false;
            } else {
                payg = payg.add(p);
                savings = savings.add(s);
            }
        }

        String[] cells(BigDecimal c, BigDecimal u, BigDecimal a, BigDecimal p, BigDecimal s, String date) {
            BigDecimal utilization = Utilization.of(u, c);
            String[] row = {reservationId, customerId, sku, region, ReportRounding.units(c).toPlainString(),
                    ReportRounding.units(u).toPlainString(),
                    utilization == null ? "" : ReportRounding.utilization(utilization).toPlainString(),
                    money(a), p == null ? "" : money(p), s == null ? "" : money(s), currency.getCurrencyCode()};
            if (date == null) {
                return row;
            }
            String[] withDate = java.util.Arrays.copyOf(row, row.length + 1);
            withDate[row.length] = date;
            return withDate;
        }

        private String money(BigDecimal amount) {
            return Money.round(amount, currency).toPlainString();
        }
    }
}
