package dev.ribilling.matching;

import dev.ribilling.ingest.ReservationRepository;
import dev.ribilling.ingest.StoredReservation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Loads a day of one customer's usage and matches it against the customer's reservations. A partition's items
 * come customer by customer, so the customer's reservations and usage lines are read once per customer and
 * dropped when the next customer starts: memory stays bounded by the largest customer.
 */
public class CustomerDayProcessor implements ItemProcessor<CustomerDayReader.CustomerDate, CustomerDay> {

    private final ReservationRepository reservations;
    private final CustomerDayMatcher matcher;
    private final MatchStore store;

    private String customerId;
    private List<StoredReservation> ofCustomer;
    private Map<Long, MatchStore.LineAttributes> lines;

    public CustomerDayProcessor(ReservationRepository reservations, CustomerDayMatcher matcher, MatchStore store) {
        this.reservations = reservations;
        this.matcher = matcher;
        this.store = store;
    }

    @Override
    public CustomerDay process(CustomerDayReader.CustomerDate item) {
        if (!item.customerId().equals(customerId)) {
            customerId = item.customerId();
            ofCustomer = reservations.ofCustomer(customerId);
            lines = new HashMap<>();
        }
        return matcher.match(customerId, item.date(), store.usage(customerId, item.date(), lines), ofCustomer);
    }
}
