/**
 * Pure calculators on top of the matching results (contract section 3): reservation dates and
 * amortization, utilization as a ratio of sums, PAYG equivalent and savings per reservation-day, their
 * monthly roll-up from unrounded days, and the output rounding of the utilization reports.
 *
 * <p>The batch side implements {@link dev.ribilling.pricing.ComputePriceLookup} and
 * {@link dev.ribilling.pricing.FxLookup} over the database; the rules that choose among their rows
 * (currency preference, the 7-day fx window, reverse pairs) live here, in
 * {@link dev.ribilling.pricing.ComputePriceResolver} and {@link dev.ribilling.pricing.FxConverter}.
 */
package dev.ribilling.pricing;
