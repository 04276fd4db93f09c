package dev.ribilling.pricing;

import java.util.List;

/** The figures of one reservation-day and the alerts raised while pricing it. */
public record ReservationDayOutcome(ReservationDayFigures figures, List<MissingPriceAlert> alerts) {

    public ReservationDayOutcome {
        alerts = List.copyOf(alerts);
    }
}
