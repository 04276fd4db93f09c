package dev.ribilling.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** Units of ToCurrency per 1 FromCurrency on a date. */
public record FxRateRow(LocalDate date, Currency from, Currency to, BigDecimal rate) {

    static FxRateRow parse(FieldReader f) {
        return new FxRateRow(f.date("Date"), f.currency("FromCurrency"), f.currency("ToCurrency"), f.positive("Rate"));
    }

    String key() {
        return date + "|" + from + "|" + to;
    }

    RowValues values() {
        return new RowValues().put("Date", date).put("FromCurrency", from).put("ToCurrency", to).put("Rate", rate);
    }
}
