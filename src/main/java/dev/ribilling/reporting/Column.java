package dev.ribilling.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One column of a sheet: header, width, kind and how to read the value from a row. Values may be null (an empty
 * cell). {@code currency} is read for MONEY columns only; {@code highlight} marks cells to fill in red.
 */
record Column<T>(String header, int widthChars, CellKind kind, Function<T, ?> value, Function<T, Currency> currency,
        Predicate<T> highlight) {

    Column {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    static <T> Column<T> text(String header, int width, Function<T, ?> value) {
        return new Column<>(header, width, CellKind.TEXT, value, null, null);
    }

    static <T> Column<T> money(String header, int width, Function<T, BigDecimal> value, Function<T, Currency> currency) {
        return new Column<>(header, width, CellKind.MONEY, value, currency, null);
    }

    /** Amounts that follow Microsoft's 2-decimal rule whatever the currency (the Variance comparison). */
    static <T> Column<T> twoDecimals(String header, int width, Function<T, BigDecimal> value) {
        return new Column<>(header, width, CellKind.MONEY, value, row -> null, null);
    }

    static <T> Column<T> units(String header, int width, Function<T, BigDecimal> value) {
        return new Column<>(header, width, CellKind.UNITS, value, null, null);
    }

    static <T> Column<T> percent(String header, int width, Function<T, BigDecimal> value) {
        return new Column<>(header, width, CellKind.PERCENT, value, null, null);
    }

    static <T> Column<T> rate(String header, int width, Function<T, BigDecimal> value) {
        return new Column<>(header, width, CellKind.RATE, value, null, null);
    }

    static <T> Column<T> date(String header, int width, Function<T, LocalDate> value) {
        return new Column<>(header, width, CellKind.DATE, value, null, null);
    }

    static <T> Column<T> integer(String header, int width, Function<T, ? extends Number> value) {
        return new Column<>(header, width, CellKind.INTEGER, value, null, null);
    }

    Column<T> highlightedWhen(Predicate<T> condition) {
        return new Column<>(header, widthChars, kind, value, currency, condition);
    }

    boolean highlighted(T row) {
        return highlight != null && highlight.test(row);
    }

    Currency currencyOf(T row) {
        return currency == null ? null : currency.apply(row);
    }
}
