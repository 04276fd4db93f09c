package dev.ribilling.invoicing;

import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** The customers of an invoice run, in CustomerId order; its position survives a restart. */
public class CustomerIdReader implements ItemStreamReader<String> {

    private static final String NEXT = "customerIdReader.next";

    private final List<String> customers;
    private int next;

    public CustomerIdReader(List<String> customers) {
        this.customers = List.copyOf(customers);
    }

    @Override
    public void open(ExecutionContext context) {
        next = context.getInt(NEXT, 0);
        context.putLong(dev.ribilling.batch.ProgressListener.TOTAL, customers.size());
    }

    @Override
    public String read() {
        return next < customers.size() ? customers.get(next++) : null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(NEXT, next);
    }
}
