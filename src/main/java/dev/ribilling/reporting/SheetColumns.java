package dev.ribilling.reporting;

import dev.ribilling.reporting.AlertRow.Severity;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The columns of every sheet, in order. Header names follow the CSV outputs: one word, PascalCase. */
final class SheetColumns {

    private SheetColumns() {
    }

    static final List<Column<SummaryRow>> SUMMARY = List.of(
            Column.text("Level", 15, SummaryRow::level),
            Column.text("ResellerId", 14, SummaryRow::resellerId),
            Column.text("CustomerId", 14, SummaryRow::customerId),
            Column.text("CustomerName", 28, SummaryRow::customerName),
            Column.text("Currency", 9, SummaryRow::currency),
            Column.money("PartnerInvoiceCost", 18, SummaryRow::partnerInvoiceCost, SummaryRow::currency),
            Column.money("UsageCost", 14, SummaryRow::usageCost, SummaryRow::currency),
            Column.money("PartnerCost", 14, SummaryRow::partnerCost, SummaryRow::currency),
            Column.money("BilledAmount", 14, SummaryRow::billedAmount, SummaryRow::currency),
            Column.money("Margin", 14, SummaryRow::margin, SummaryRow::currency)
                    .highlightedWhen(r -> r.margin().signum() < 0),
            Column.percent("MarginPct", 10, SummaryRow::marginShare),
            Column.money("PaygEquivalent", 15, SummaryRow::paygEquivalent, SummaryRow::currency),
            Column.money("Savings", 14, SummaryRow::savings, SummaryRow::currency)
                    .highlightedWhen(r -> r.savings() != null && r.savings().signum() < 0),
            Column.percent("Utilization", 11, SummaryRow::utilization),
            Column.text("Note", 48, SummaryRow::note));

    static final int SUMMARY_UTILIZATION_COLUMN = 13;

    static final List<Column<ReservationUtilizationRow>> UTILIZATION = List.of(
            Column.text("ReservationId", 38, ReservationUtilizationRow::reservationId),
            Column.text("ReservationOrderId", 38, ReservationUtilizationRow::reservationOrderId),
            Column.text("CustomerId", 14, ReservationUtilizationRow::customerId),
            Column.text("ResellerId", 14, ReservationUtilizationRow::resellerId),
            Column.text("SkuName", 20, ReservationUtilizationRow::skuName),
            Column.text("Region", 14, ReservationUtilizationRow::region),
            Column.units("Quantity", 9, ReservationUtilizationRow::quantity),
            Column.date("TermEnd", 11, ReservationUtilizationRow::termEnd),
            Column.units("CapacityUnits", 14, ReservationUtilizationRow::capacityUnits),
            Column.units("UsedUnits", 14, ReservationUtilizationRow::usedUnits),
            Column.percent("Utilization", 11, ReservationUtilizationRow::utilization),
            Column.money("AmortizedCost", 14, ReservationUtilizationRow::amortizedCost, ReservationUtilizationRow::currency),
            Column.money("PaygEquivalent", 15, ReservationUtilizationRow::paygEquivalent, ReservationUtilizationRow::currency),
            Column.money("Savings", 14, ReservationUtilizationRow::savings, ReservationUtilizationRow::currency)
                    .highlightedWhen(r -> r.savings() != null && r.savings().signum() < 0),
            Column.text("Currency", 9, ReservationUtilizationRow::currency));

    static final int UTILIZATION_COLUMN = 10;

    static final List<Column<UncoveredUsageRow>> UNCOVERED_USAGE = List.of(
            Column.text("CustomerId", 14, UncoveredUsageRow::customerId),
            Column.text("SubscriptionId", 38, UncoveredUsageRow::subscriptionId),
            Column.text("VmSizeOrMeterCategory", 24, UncoveredUsageRow::vmSizeOrMeterCategory),
            Column.text("Region", 14, UncoveredUsageRow::region),
            Column.text("PricingModel", 12, UncoveredUsageRow::pricingModel),
            Column.units("PaygHours", 12, UncoveredUsageRow::paygHours),
            Column.money("PaygCost", 14, UncoveredUsageRow::paygCost, UncoveredUsageRow::currency),
            Column.text("Currency", 9, UncoveredUsageRow::currency));

    static final List<Column<VarianceRow>> VARIANCE = List.of(
            Column.text("Status", 18, VarianceRow::status).highlightedWhen(r -> r.status().needsAttention()),
            Column.text("CustomerId", 14, VarianceRow::customerId),
            Column.text("ReservationOrderId", 38, VarianceRow::reservationOrderId),
            Column.text("ReservationId", 38, VarianceRow::reservationId),
            Column.text("Category", 9, VarianceRow::category),
            Column.text("MicrosoftChargeType", 18, VarianceRow::microsoftChargeType),
            Column.text("OurLineType", 22, VarianceRow::ourLineType),
            Column.text("InvoiceNumber", 16, VarianceRow::invoiceNumber),
            Column.date("ChargeStartDate", 15, VarianceRow::chargeStartDate),
            Column.date("OurChargeDate", 14, VarianceRow::ourChargeDate),
            Column.units("Quantity", 9, VarianceRow::quantity),
            Column.text("PricingCurrency", 9, VarianceRow::pricingCurrency),
            Column.money("OurAmountBeforeMarkup", 20, VarianceRow::ourAmountBeforeMarkup, VarianceRow::pricingCurrency),
            Column.rate("PCToBCExchangeRate", 18, VarianceRow::exchangeRate),
            Column.text("Currency", 9, VarianceRow::billingCurrency),
            Column.twoDecimals("Expected", 14, VarianceRow::expected),
            Column.twoDecimals("Subtotal", 14, VarianceRow::subtotal),
            Column.<VarianceRow>twoDecimals("Difference", 12, VarianceRow::difference)
                    .highlightedWhen(r -> r.status() == VarianceStatus.DIFFERENCE),
            Column.twoDecimals("Tolerance", 10, VarianceRow::tolerance),
            Column.text("Note", 48, VarianceRow::note));

    static final List<Column<AlertRow>> ALERTS = List.of(
            Column.text("Severity", 9, AlertRow::severity).highlightedWhen(r -> r.severity() == Severity.ERROR),
            Column.text("Alert", 26, AlertRow::kind),
            Column.text("CustomerId", 14, AlertRow::customerId),
            Column.text("ReservationId", 38, AlertRow::reservationId),
            Column.date("Date", 11, AlertRow::date),
            Column.percent("Utilization", 11, AlertRow::utilization),
            Column.money("Amount", 14, AlertRow::amount, AlertRow::currency),
            Column.text("Currency", 9, AlertRow::currency),
            Column.text("Message", 90, AlertRow::message));

    static final List<Column<Recommendation>> RECOMMENDATIONS = List.of(
            Column.text("Action", 8, Recommendation::kind),
            Column.text("CustomerId", 14, Recommendation::customerId),
            Column.text("Region", 14, Recommendation::region),
            Column.text("FlexibilityGroup", 26, Recommendation::flexibilityGroup),
            Column.text("Sku", 20, Recommendation::sku),
            Column.text("ReservationId", 38, Recommendation::reservationId),
            Column.units("CurrentQuantity", 15, Recommendation::currentQuantity),
            Column.units("RecommendedQuantity", 19, Recommendation::recommendedQuantity),
            Column.text("Currency", 9, Recommendation::currency),
            Column.rate("RiHourly", 12, Recommendation::riHourly),
            Column.rate("PaygHourly", 12, Recommendation::paygHourly),
            Column.percent("BreakEvenUtilization", 19, Recommendation::breakEvenUtilization),
            Column.percent("Utilization", 11, Recommendation::utilization),
            Column.integer("WindowHours", 12, r -> r.windowHours() > 0 ? r.windowHours() : null),
            Column.money("CostWithoutReservations", 22, Recommendation::costWithoutReservations, Recommendation::currency),
            Column.money("CostWithReservations", 20, Recommendation::costWithReservations, Recommendation::currency),
            Column.money("WindowSavings", 14, Recommendation::windowSavings, Recommendation::currency),
            Column.money("ExpectedMonthlySavings", 22, Recommendation::expectedMonthlySavings, Recommendation::currency),
            Column.text("Note", 48, Recommendation::note));

    static final List<Column<RejectedRowRef>> REJECTED_ROWS = List.of(
            Column.text("File", 32, RejectedRowRef::fileName),
            Column.text("FileSha256", 66, RejectedRowRef::fileSha256),
            Column.integer("LineNumber", 11, RejectedRowRef::lineNumber),
            Column.text("Reason", 40, RejectedRowRef::reason),
            Column.text("RawLine", 100, RejectedRowRef::rawLine));

    static final List<Column<RunInfoLine>> RUN_INFO = List.of(
            Column.text("Section", 10, RunInfoLine::section),
            Column.text("Name", 34, RunInfoLine::name),
            Column.text("Value", 60, RunInfoLine::value),
            Column.text("Kind", 16, RunInfoLine::kind),
            Column.text("Sha256", 66, RunInfoLine::sha256),
            Column.integer("RowsRead", 10, RunInfoLine::rowsRead),
            Column.integer("RowsLoaded", 11, RunInfoLine::rowsLoaded),
            Column.integer("RowsRejected", 13, RunInfoLine::rowsRejected),
            Column.integer("RowsDuplicate", 14, RunInfoLine::rowsDuplicate),
            Column.integer("RowsSkipped", 12, RunInfoLine::rowsSkipped));

    static final List<Column<DailyUtilizationSeries.Day>> DAILY_UTILIZATION = List.of(
            Column.date("Date", 11, DailyUtilizationSeries.Day::date),
            Column.units("CapacityUnits", 14, DailyUtilizationSeries.Day::capacityUnits),
            Column.units("UsedUnits", 14, DailyUtilizationSeries.Day::usedUnits),
            Column.percent("Utilization", 11, DailyUtilizationSeries.Day::utilization),
            Column.percent("Threshold", 10, DailyUtilizationSeries.Day::threshold));

    static final int DAILY_UTILIZATION_COLUMN = 3;

    /** Run info as one filterable table: the run, its parameters, then its input files. */
    record RunInfoLine(String section, String name, String value, String kind, String sha256, Long rowsRead,
            Long rowsLoaded, Long rowsRejected, Long rowsDuplicate, Long rowsSkipped) {

        static List<RunInfoLine> of(RunInfo info, YearMonth period, BigDecimal threshold) {
            List<RunInfoLine> lines = new ArrayList<>();
            lines.add(run("Period", period.toString()));
            lines.add(run("GeneratedAt", info.generatedAt().toString()));
            lines.add(run("ApplicationVersion", info.applicationVersion()));
            lines.add(run("Database", info.database()));
            lines.add(run("UtilizationThreshold", threshold.toPlainString()));
            info.parameters().forEach((name, value) ->
                    lines.add(new RunInfoLine("Parameter", name, value, null, null, null, null, null, null, null)));
            for (RunInfo.InputFile f : info.inputs()) {
                lines.add(new RunInfoLine("Input", f.path(), null, f.kind(), f.sha256(), f.rowsRead(), f.rowsLoaded(),
                        f.rowsRejected(), f.rowsDuplicate(), f.rowsSkipped()));
            }
            return lines;
        }

        private static RunInfoLine run(String name, String value) {
            return new RunInfoLine("Run", name, value, null, null, null, null, null, null, null);
        }
    }
}
