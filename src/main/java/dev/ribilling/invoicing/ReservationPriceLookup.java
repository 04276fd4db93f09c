package dev.ribilling.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * The price sheet's current Reservation price of ONE instance for the whole term (contract section 2,
 * prices file, Type Reservation) for a SKU, region and term, effective on a date, in a currency.
 * Refunds use it as "currentPrice" (× Quantity); empty means "none", and TotalPrice is used instead.
 */
@FunctionalInterface
public interface ReservationPriceLookup {

    Optional<BigDecimal> instancePrice(String sku, String region, Term term, LocalDate date, Currency currency);

    static ReservationPriceLookup none() {
        return (sku, region, term, date, currency) -> Optional.empty();
    }
}
