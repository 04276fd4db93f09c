package dev.ribilling.invoicing;

import dev.ribilling.billing.Money;

/**
 * The remaining commitment of a cancelled or exchanged reservation: its refund before fee and markup
 * (for monthly plans the unpaid instalments plus the unused part of the current one), in the
 * reservation's PricingCurrency at full precision. Used by exchange validation and the refund cap.
 */
public record Commitment(Money amount, String detail) {
}
