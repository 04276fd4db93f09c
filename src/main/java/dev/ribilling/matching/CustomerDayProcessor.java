package dev.ribilling.matching;

import dev.ribilling.ingest.StoredReservation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Loads a day of one customer's usage and matches it against the customer's reservations. */
public class CustomerDayProcessor implements ItemProcessor<LocalDate, CustomerDay> {

    private final String customerId;
    private final List<StoredReservation> reservations;
    private final CustomerDayMatcher matcher;
    private final MatchStore store;

    public CustomerDayProcessor(String customerId, List<StoredReservation> reservations, CustomerDayMatcher matcher,
            MatchStore store) {
        this.customerId = customerId;
        this.reservations = reservations;
        this.matcher = matcher;
        this.store = store;
    }

    @Override
    public CustomerDay process(LocalDate day) {
        return matcher.match(customerId, day, store.usage(customerId, day), reservations);
    }
}
