package dev.ribilling.pricing;

import dev.ribilling.billing.Identifiers;
import dev.ribilling.billing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compute price of a VM size and region on a usage date, in a wanted currency (contract section 3,
 * "PAYG equivalent"): the latest Consumption row on or before the date in that currency; when the sheet has
 * none in that currency, the latest row in another currency converted at the usage date's rate. Among
 * several other currencies the most recent EffectiveStartDate wins, then the currency code, skipping
 * currencies without a usable rate, so the choice is deterministic.
 */
public final class ComputePriceResolver {

    private final ComputePriceLookup prices;
    private final FxConverter fx;

    public ComputePriceResolver(ComputePriceLookup prices, FxConverter fx) {
        this.prices = prices;
        this.fx = fx;
    }

    /** Price per VM hour in {@code currency}, unrounded; empty when there is no usable price. */
    public Optional<BigDecimal> pricePerHour(String vmSize, String region, LocalDate date, Currency currency) {
        Map<Currency, ComputePrice> latest = new HashMap<>();
        for (ComputePrice price : prices.latestOnOrBefore(Identifiers.key(vmSize), Identifiers.region(region), date)) {
            if (!price.effectiveStartDate().isAfter(date)) {
                latest.merge(price.unitPrice().currency(), price,
                        (a, b) -> a.effectiveStartDate().isAfter(b.effectiveStartDate()) ? a : b);
            }
        }
        ComputePrice same = latest.get(currency);
        if (same != null) {
            return Optional.of(same.unitPrice().amount());
        }
        List<ComputePrice> others = new ArrayList<>(latest.values());
        others.sort(Comparator.comparing(ComputePrice::effectiveStartDate).reversed()
                .thenComparing(price -> price.unitPrice().currency().getCurrencyCode()));
        for (ComputePrice other : others) {
            Optional<Money> converted = fx.convert(other.unitPrice(), currency, date);
            if (converted.isPresent()) {
                return converted.map(Money::amount);
            }
        }
        return Optional.empty();
    }
}
