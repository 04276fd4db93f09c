package dev.ribilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.billing.Money;
import dev.ribilling.matching.Eligibility;
import dev.ribilling.matching.IsfEntry;
import dev.ribilling.matching.IsfTable;
import dev.ribilling.matching.MatchResult;
import dev.ribilling.matching.MatchingEngine;
import dev.ribilling.matching.Reservation;
import dev.ribilling.matching.ScopeType;
import dev.ribilling.matching.UsageRow;
import dev.ribilling.matching.UsageSlot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * domain.md 3.2 end to end through the engine and the calculators: one DS3_v2 reservation (ratio 4), $2,190 for
 * a non-leap year ($6.00 a day); PAYG $0.10 per ratio unit; VM A DS2_v2 all day, B DS1_v2 00–12, C DS3_v2 20–22:30.
 */
class SavingsWorkedExampleTests {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 5);
    private static final IsfTable ISF = IsfTable.of(
            new IsfEntry("DSv2 Series", "Standard_DS1_v2", new BigDecimal("1")),
            new IsfEntry("DSv2 Series", "Standard_DS2_v2", new BigDecimal("2")),
            new IsfEntry("DSv2 Series", "Standard_DS3_v2", new BigDecimal("4")));
    private static final Map<String, String> USD_PER_HOUR = Map.of(
            "standard_ds1_v2", "0.10", "standard_ds2_v2", "0.20", "standard_ds3_v2", "0.40");

    private static final Instant BENEFIT_START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Reservation RESERVATION = new Reservation("r-ds3", "Standard_DS3_v2", "westeurope",
            BigDecimal.ONE, ScopeType.SHARED, null, null, true, BENEFIT_START,
            ReservationDates.defaultExpiry(BENEFIT_START, Period.ofYears(1)), null);
    private static final ReservationPricing PRICING = new ReservationPricing("r-ds3", "Standard_DS3_v2", "westeurope",
            Money.of("2190", "USD"), ReservationDates.of(BENEFIT_START, null, Period.ofYears(1), null));

    private final ReservationDayCalculator calculator = new ReservationDayCalculator(new ComputePriceResolver(
            (size, region, date) -> List.of(new ComputePrice(Money.of(USD_PER_HOUR.get(size), "USD"),
                    LocalDate.of(2026, 1, 1))),
            new FxConverter((from, to, date) -> Optional.empty())));

    @Test
    void busyDayUtilization6875PercentAndSavingsPlus060() {
        List<UsageRow> rows = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            rows.add(vm(100 + hour, "A", "Standard_DS2_v2", hour, "1"));
        }
        for (int hour = 0; hour < 12; hour++) {
            rows.add(vm(200 + hour, "B", "Standard_DS1_v2", hour, "1"));
        }
        rows.add(vm(300, "C", "Standard_DS3_v2", 20, "1"));
        rows.add(vm(301, "C", "Standard_DS3_v2", 21, "1"));
        rows.add(vm(302, "C", "Standard_DS3_v2", 22, "0.5"));

        ReservationDayFigures day = price(rows);

        // 16.5 reservation-hours of 24, in units of ratio 4: 66 of 96.
        assertThat(day.capacityUnits()).isEqualByComparingTo("96");
        assertThat(day.usedUnits()).isEqualByComparingTo("66");
        assertThat(ReportRounding.utilization(day.utilization())).isEqualByComparingTo("0.6875");
        assertThat(ReportRounding.money(day.amortizedCost())).isEqualByComparingTo("6.00");
        assertThat(ReportRounding.money(day.paygEquivalent())).isEqualByComparingTo("6.60");
        assertThat(ReportRounding.money(day.savings())).isEqualByComparingTo("0.60");
    }

    @Test
    void lowDayUtilization125PercentAndSavingsMinus480() {
        List<UsageRow> rows = new ArrayList<>();
        for (int hour = 12; hour < 24; hour++) {
            rows.add(vm(200 + hour, "B", "Standard_DS1_v2", hour, "1"));
        }

        ReservationDayFigures day = price(rows);

        assertThat(day.usedUnits()).isEqualByComparingTo("12");
        assertThat(ReportRounding.utilization(day.utilization())).isEqualByComparingTo("0.1250");
        assertThat(ReportRounding.money(day.paygEquivalent())).isEqualByComparingTo("1.20");
        assertThat(ReportRounding.money(day.savings())).isEqualByComparingTo("-4.80");
    }

    private ReservationDayFigures price(List<UsageRow> rows) {
        MatchResult match = new MatchingEngine(ISF).match(DAY, rows, List.of(RESERVATION));
        ReservationDayOutcome outcome = calculator.calculate(PRICING, match);
        assertThat(outcome.alerts()).isEmpty();
        assertThat(PRICING.dates().termDays()).isEqualTo(365);
        return outcome.figures();
    }

    private static UsageRow vm(long id, String name, String size, int hour, String hours) {
        return new UsageRow(id, "sub-a", "rg-a", "/subscriptions/sub-a/virtualMachines/" + name, "West Europe", size,
                Eligibility.ANY_RESERVATION, UsageSlot.hourly(DAY.atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(3600L * hour)), new BigDecimal(hours));
    }
}
