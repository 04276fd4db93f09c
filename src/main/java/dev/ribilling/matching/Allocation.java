package dev.ribilling.matching;

import java.math.BigDecimal;

/** Units of one usage row covered by one reservation, and the VM hours they stand for (units ÷ row ratio). */
public record Allocation(String reservationId, BigDecimal units, BigDecimal hours) {
}
