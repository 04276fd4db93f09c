package dev.ribilling.matching;

import java.time.LocalDate;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** The days one partition (one customer) matches, in date order; its position survives a restart. */
public class CustomerDayReader implements ItemStreamReader<LocalDate> {

    private static final String NEXT = "customerDayReader.next";

    private final java.util.List<LocalDate> days;
    private int next;

    public CustomerDayReader(java.util.List<LocalDate> days) {
        this.days = java.util.List.copyOf(days);
    }

    @Override
    public void open(ExecutionContext context) {
        next = context.getInt(NEXT, 0);
        context.putLong(dev.ribilling.batch.ProgressListener.TOTAL, days.size());
    }

    @Override
    public LocalDate read() {
        return next < days.size() ? days.get(next++) : null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(NEXT, next);
    }
}
