/**
 * The finance reconciliation workbook, {@code out/<YYYY-MM>/reconciliation-<YYYY-MM>.xlsx} (contract section 5),
 * and the pure calculators behind its sheets.
 *
 * <p>Calculators, without Spring or I/O: {@link dev.ribilling.reporting.VarianceCalculator} (Microsoft's
 * partner-invoice rows against our reservation lines, ROUNDDOWN and tolerance),
 * {@link dev.ribilling.reporting.RecommendationCalculator} (the purchase quantity that maximises net savings over
 * hourly usage, and reservations to reduce), {@link dev.ribilling.reporting.AlertRules} and
 * {@link dev.ribilling.reporting.SummaryAggregator} (reseller, currency and partner totals).
 *
 * <p>Writer: {@link dev.ribilling.reporting.ReconciliationWorkbookWriter} takes a
 * {@link dev.ribilling.reporting.ReconciliationData} whose large sheets are
 * {@link dev.ribilling.reporting.RowSource}s, opened one at a time, so the report job can stream them from the
 * database. The workbook is written with SXSSF (100 rows per sheet in memory): 25,000 reservations and 100,000
 * uncovered-usage rows are written within a 64 MB heap.
 */
package dev.ribilling.reporting;
