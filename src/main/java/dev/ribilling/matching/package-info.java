/**
 * The matching engine: applies Azure Reserved VM Instances to usage for one customer and one UTC day
 * (contract section 3). Pure Java, no Spring; the batch adapters feed it and store what it returns.
 *
 * <p>Entry point: {@link dev.ribilling.matching.MatchingEngine#match}. Inputs are
 * {@link dev.ribilling.matching.UsageRow} (with {@link dev.ribilling.matching.UsageEligibility} deciding
 * eligibility), {@link dev.ribilling.matching.Reservation} and the {@link dev.ribilling.matching.IsfTable};
 * the output is a {@link dev.ribilling.matching.MatchResult} with per-row, per-reservation-hour and
 * per-reservation-day figures and an explain view.
 *
 * <p>Units are ISF ratio units ({@code hours × ratio}). Additions are exact; products and quotients keep
 * {@code Money.MATH}'s 34 digits, rounded towards zero where rounding up could hand out more than exists.
 * Nothing is rounded for output here: that is {@code dev.ribilling.pricing.ReportRounding}'s job.
 */
package dev.ribilling.matching;
