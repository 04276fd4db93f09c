package dev.ribilling.generate;

import java.math.BigDecimal;

/**
 * Reservation terms with the share of the pay-as-you-go price over the term that a reservation costs (roughly
 * the retail discounts for general-purpose sizes: about 38 % off for one year, 60 % off for three).
 */
enum ReservationTerm {
    P1Y(1, "1 Year", "0.62"),
    P3Y(3, "3 Years", "0.40");

    private final int years;
    private final String priceSheetName;
    private final BigDecimal shareOfPayg;

    ReservationTerm(int years, String priceSheetName, String shareOfPayg) {
        this.years = years;
        this.priceSheetName = priceSheetName;
        this.shareOfPayg = new BigDecimal(shareOfPayg);
    }

    int years() {
        return years;
    }

    /** The price sheet's ReservationTerm value. */
    String priceSheetName() {
        return priceSheetName;
    }

    BigDecimal shareOfPayg() {
        return shareOfPayg;
    }
}
