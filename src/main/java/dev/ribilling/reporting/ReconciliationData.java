package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Everything the reconciliation workbook shows. The big sheets come as {@link RowSource}s that the writer opens
 * one at a time and closes after use, so the job can stream them from the database; Summary is built whole by
 * {@link SummaryAggregator} because it has one row per customer.
 *
 * @param utilizationThreshold a fraction; utilization below it is highlighted (0.80 by default)
 */
public record ReconciliationData(YearMonth period, BigDecimal utilizationThreshold, List<SummaryRow> summary,
        RowSource<ReservationUtilizationRow> utilization, RowSource<DailyUtilizationPoint> dailyUtilization,
        RowSource<UncoveredUsageRow> uncoveredUsage, RowSource<VarianceRow> variance, RowSource<AlertRow> alerts,
        RowSource<Recommendation> recommendations, RowSource<RejectedRowRef> rejectedRows, RunInfo runInfo) {

    public static final BigDecimal DEFAULT_UTILIZATION_THRESHOLD = new BigDecimal("0.80");

    public ReconciliationData {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(utilizationThreshold, "utilizationThreshold");
        Objects.requireNonNull(runInfo, "runInfo");
        summary = summary == null ? List.of() : List.copyOf(summary);
        utilization = orEmpty(utilization);
        dailyUtilization = orEmpty(dailyUtilization);
        uncoveredUsage = orEmpty(uncoveredUsage);
        variance = orEmpty(variance);
        alerts = orEmpty(alerts);
        recommendations = orEmpty(recommendations);
        rejectedRows = orEmpty(rejectedRows);
    }

    public static Builder builder(YearMonth period, RunInfo runInfo) {
        return new Builder(period, runInfo);
    }

    private static <T> RowSource<T> orEmpty(RowSource<T> source) {
        return source == null ? RowSource.empty() : source;
    }

    /** Builds the data sheet by sheet; unset sheets are written with their header only. */
    public static final class Builder {
        private final YearMonth period;
        private final RunInfo runInfo;
        private BigDecimal threshold = DEFAULT_UTILIZATION_THRESHOLD;
        private List<SummaryRow> summary;
        private RowSource<ReservationUtilizationRow> utilization;
        private RowSource<DailyUtilizationPoint> dailyUtilization;
        private RowSource<UncoveredUsageRow> uncoveredUsage;
        private RowSource<VarianceRow> variance;
        private RowSource<AlertRow> alerts;
        private RowSource<Recommendation> recommendations;
        private RowSource<RejectedRowRef> rejectedRows;

        private Builder(YearMonth period, RunInfo runInfo) {
            this.period = period;
            this.runInfo = runInfo;
        }

        public Builder utilizationThreshold(BigDecimal fraction) {
            this.threshold = fraction;
            return this;
        }

        public Builder summary(List<SummaryRow> rows) {
            this.summary = rows;
            return this;
        }

        public Builder utilization(RowSource<ReservationUtilizationRow> rows, RowSource<DailyUtilizationPoint> daily) {
            this.utilization = rows;
            this.dailyUtilization = daily;
            return this;
        }

        public Builder uncoveredUsage(RowSource<UncoveredUsageRow> rows) {
            this.uncoveredUsage = rows;
            return this;
        }

        public Builder variance(RowSource<VarianceRow> rows) {
            this.variance = rows;
            return this;
        }

        public Builder alerts(RowSource<AlertRow> rows) {
            this.alerts = rows;
            return this;
        }

        public Builder recommendations(RowSource<Recommendation> rows) {
            this.recommendations = rows;
            return this;
        }

        public Builder rejectedRows(RowSource<RejectedRowRef> rows) {
            this.rejectedRows = rows;
            return this;
        }

        public ReconciliationData build() {
            return new ReconciliationData(period, threshold, summary, utilization, dailyUtilization, uncoveredUsage,
                    variance, alerts, recommendations, rejectedRows, runInfo);
        }
    }
}
