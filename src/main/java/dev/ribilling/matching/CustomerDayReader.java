package dev.ribilling.matching;

import java.time.LocalDate;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** The days one partition (one customer) matches, from..to; its position survives a restart. */
public class CustomerDayReader implements ItemStreamReader<LocalDate> {

    private static final String NEXT = "customerDayReader.next";

    private final LocalDate from;
    private final LocalDate to;
    private LocalDate next;

    public CustomerDayReader(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public void open(ExecutionContext context) {
        next = context.containsKey(NEXT) ? LocalDate.parse(context.getString(NEXT)) : from;
    }

    @Override
    public LocalDate read() {
        if (next.isAfter(to)) {
            return null;
        }
        LocalDate day = next;
        next = next.plusDays(1);
        return day;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(NEXT, next.toString());
    }
}
