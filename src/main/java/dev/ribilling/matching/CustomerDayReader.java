package dev.ribilling.matching;

import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The customer-days one partition matches: its customers in CustomerId order, each customer's days in date order.
 * Its position survives a restart, so a partition resumes at its first customer-day not committed.
 */
public class CustomerDayReader implements ItemStreamReader<CustomerDayReader.CustomerDate> {

    private static final String NEXT = "customerDayReader.next";

    /** One customer-day to match. */
    public record CustomerDate(String customerId, LocalDate date) {
    }

    private final List<String> customers;
    private final List<LocalDate> days;
    private int next;

    public CustomerDayReader(List<String> customers, List<LocalDate> days) {
        this.customers = List.copyOf(customers);
        this.days = List.copyOf(days);
    }

    @Override
    public void open(ExecutionContext context) {
        next = context.getInt(NEXT, 0);
        context.putLong(dev.ribilling.batch.ProgressListener.TOTAL, (long) customers.size() * days.size());
    }

    @Override
    public CustomerDate read() {
        if (days.isEmpty() || next >= customers.size() * days.size()) {
            return null;
        }
        CustomerDate item = new CustomerDate(customers.get(next / days.size()), days.get(next % days.size()));
        next++;
        return item;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(NEXT, next);
    }
}
