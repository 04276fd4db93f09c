package dev.ribilling.ingest;

import static dev.ribilling.testing.Fields.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ribilling.testing.Fields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every reject reason of a single field, and the values that must pass. */
class FieldReaderTests {

    private static FieldReader reader(String column, String value) {
        return Fields.of(column, value).reader();
    }

    @Test
    void textIsTrimmedAndBlankOrAbsentIsNull() {
        FieldReader f = Fields.of("A", "  x  ", "B", "   ").reader();
        assertThat(f.text("a")).as("columns are found case-insensitively").isEqualTo("x");
        assertThat(f.text("B")).isNull();
        assertThat(f.text("NoSuchColumn")).isNull();
        assertThat(f.has("NoSuchColumn")).isFalse();
        assertThat(f.has("b")).isTrue();
    }

    @Test
    void aRowShorterThanTheHeaderReadsTheMissingTrailingFieldsAsEmpty() {
        Header header = new Header(new String[] {"A", "B", "C"});
        FieldReader f = new FieldReader(header).on(new SourceRecord(2, "x", new String[] {"x"}));
        assertThat(f.text("A")).isEqualTo("x");
        assertRejected(() -> f.required("C"), RejectReason.MISSING_FIELD, "C is empty");
    }

    @Test
    void missingFieldNamesTheColumn() {
        assertRejected(() -> reader("Quantity", "").required("Quantity"), RejectReason.MISSING_FIELD, "Quantity is empty");
        assertRejected(() -> reader("Quantity", " ").decimal("Quantity"), RejectReason.MISSING_FIELD, "Quantity is empty");
        assertRejected(() -> reader("Other", "1").decimal("Quantity"), RejectReason.MISSING_FIELD, "Quantity is empty");
        assertRejected(() -> reader("BenefitStart", "").dateTime("BenefitStart"), RejectReason.MISSING_FIELD,
                "BenefitStart is empty");
        assertRejected(() -> reader("BillingCurrency", "").currency("BillingCurrency"), RejectReason.MISSING_FIELD,
                "BillingCurrency is empty");
        assertRejected(() -> reader("CustomerId", "").safeId("CustomerId"), RejectReason.MISSING_FIELD,
                "CustomerId is empty");
    }

    @Test
    void decimalsUseADotAndNoThousandsSeparator() {
        assertThat(reader("UnitPrice", "0.096").decimal("UnitPrice")).isEqualByComparingTo("0.096");
        assertThat(reader("UnitPrice", " 12 ").decimal("UnitPrice")).isEqualByComparingTo("12");
        assertThat(reader("UnitPrice", "").optionalDecimal("UnitPrice")).isNull();
        for (String bad : new String[] {"12,5", "0.O96", "1,000.00", "1;5", "abc", "1.2.3"}) {
            assertRejected(() -> reader("UnitPrice", bad).decimal("UnitPrice"), RejectReason.MALFORMED_FIELD,
                    "UnitPrice '" + bad + "' is not a decimal number");
            assertRejected(() -> reader("UnitPrice", bad).optionalDecimal("UnitPrice"), RejectReason.MALFORMED_FIELD,
                    "UnitPrice '" + bad + "' is not a decimal number");
        }
    }

    @Test
    void negativeQuantitiesAreRejectedAndZeroIsNotPositive() {
        assertThat(reader("Quantity", "0").nonNegative("Quantity")).isEqualByComparingTo("0");
        assertRejected(() -> reader("Quantity", "-1").nonNegative("Quantity"), RejectReason.NEGATIVE_QUANTITY,
                "Quantity -1 is negative");
        assertRejected(() -> reader("Quantity", "-0.5").positive("Quantity"), RejectReason.NEGATIVE_QUANTITY,
                "Quantity -0.5 must be greater than zero");
        assertRejected(() -> reader("Quantity", "0").positive("Quantity"), RejectReason.MALFORMED_FIELD,
                "Quantity 0 must be greater than zero");
        assertThat(reader("Quantity", "2").positive("Quantity")).isEqualByComparingTo(BigDecimal.valueOf(2));
    }

    @Test
    void plainDatesAndDateTimesWithAZone() {
        assertThat(reader("D", "2026-10-01").date("D")).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(reader("D", "2026-10-01T23:30:00-02:00").date("D")).as("UTC date of a date-time")
                .isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(reader("T", "2026-10-01").dateTime("T")).as("a plain date is 00:00 UTC")
                .isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(reader("T", "2026-10-01T13:00:00Z").dateTime("T")).isEqualTo(Instant.parse("2026-10-01T13:00:00Z"));
        assertThat(reader("T", "2026-10-01T13:00:00+02:00").dateTime("T")).as("offsets are converted to UTC")
                .isEqualTo(Instant.parse("2026-10-01T11:00:00Z"));
        assertThat(reader("T", "2026-10-01T01:00:00.5-05:30").dateTime("T"))
                .isEqualTo(Instant.parse("2026-10-01T06:30:00.5Z"));
        assertThat(reader("T", "").optionalDateTime("T")).isNull();
    }

    @Test
    void malformedDates() {
        assertRejected(() -> reader("D", "2026-13-45").date("D"), RejectReason.MALFORMED_FIELD,
                "D '2026-13-45' is not an ISO date");
        assertRejected(() -> reader("D", "2026-02-30").date("D"), RejectReason.MALFORMED_FIELD,
                "D '2026-02-30' is not an ISO date");
        assertRejected(() -> reader("D", "01/10/2026").date("D"), RejectReason.MALFORMED_FIELD, "D '01/10/2026' is not");
        assertRejected(() -> reader("T", "2026-13-45T10:00:00Z").dateTime("T"), RejectReason.MALFORMED_FIELD,
                "T '2026-13-45T10:00:00Z' is not an ISO-8601 date-time");
        assertRejected(() -> reader("T", "2026-10-32T05:00:00Z").dateTime("T"), RejectReason.MALFORMED_FIELD,
                "T '2026-10-32T05:00:00Z' is not an ISO-8601 date-time");
        assertRejected(() -> reader("T", "2026-02-31").dateTime("T"), RejectReason.MALFORMED_FIELD,
                "T '2026-02-31' is not an ISO date-time");
        assertRejected(() -> reader("T", "yesterday").optionalDateTime("T"), RejectReason.MALFORMED_FIELD,
                "T 'yesterday' is not an ISO-8601 date-time");
    }

    @Test
    void aDateTimeWithoutAZoneIsRejected() {
        assertRejected(() -> reader("T", "2026-10-20T10:00:00").dateTime("T"), RejectReason.MALFORMED_FIELD,
                "T '2026-10-20T10:00:00' has no time zone");
        assertRejected(() -> reader("T", "2026-10-20T10:00").optionalDateTime("T"), RejectReason.MALFORMED_FIELD,
                "T '2026-10-20T10:00' has no time zone");
        assertRejected(() -> reader("D", "2026-10-20T10:00:00").date("D"), RejectReason.MALFORMED_FIELD,
                "D '2026-10-20T10:00:00' has no time zone");
    }

    @Test
    void usDatesOfCostExportsAreStrict() {
        assertThat(reader("Date", "10/05/2026").usDate("Date")).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(reader("Date", "2026-10-05").usDate("Date")).as("ISO accepted too").isEqualTo(LocalDate.of(2026, 10, 5));
        assertRejected(() -> reader("Date", "13/05/2026").usDate("Date"), RejectReason.MALFORMED_FIELD,
                "Date '13/05/2026' is not a date (MM/DD/YYYY)");
        // A day that does not exist must not be moved silently to the end of the month.
        assertRejected(() -> reader("Date", "02/30/2026").usDate("Date"), RejectReason.MALFORMED_FIELD,
                "Date '02/30/2026' is not a date (MM/DD/YYYY)");
        assertRejected(() -> reader("Date", "04/31/2026").usDate("Date"), RejectReason.MALFORMED_FIELD,
                "Date '04/31/2026' is not a date (MM/DD/YYYY)");
        assertRejected(() -> reader("Date", "").usDate("Date"), RejectReason.MISSING_FIELD, "Date is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "..", ".hidden", "-dash", "_under", "a/b", "a\\b", "a b", "a:b", "CON", "con",
            "Con", "con.txt", "CON.", "nul", "NUL", "nul.tar.gz", "PRN", "aux", "COM1", "com9.log", "LPT1", "lpt9",
            "tÿ", "x*"})
    void unsafeIdsAreRejected(String id) {
        assertRejected(() -> reader("CustomerId", id).safeId("CustomerId"), RejectReason.UNSAFE_ID,
                "CustomerId '" + id + "' is not allowed");
        assertRejected(() -> reader("ResellerId", id).optionalSafeId("ResellerId"), RejectReason.UNSAFE_ID,
                "ResellerId '" + id + "' is not allowed");
        assertRejected(() -> FieldReader.checkSafeId("CustomerId", id), RejectReason.UNSAFE_ID, "CustomerId '");
        assertThat(FieldReader.isSafeId(id)).isFalse();
    }

    @Test
    void idsOf65CharactersAreRejectedAnd64Accepted() {
        String max = "a".repeat(64);
        assertThat(reader("CustomerId", max).safeId("CustomerId")).isEqualTo(max);
        assertRejected(() -> reader("CustomerId", max + "b").safeId("CustomerId"), RejectReason.UNSAFE_ID, "CustomerId '");
        assertThat(FieldReader.isSafeId(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"contoso", "tailspin", "a", "0", "a.b_c-d", "CONTOSO", "console", "null", "com", "com10",
            "lpt", "auxiliary", "5123456", "Northwind.EU"})
    void safeIdsPass(String id) {
        assertThat(reader("CustomerId", id).safeId("CustomerId")).isEqualTo(id);
        assertThat(FieldReader.isSafeId(id)).isTrue();
    }

    @Test
    void currenciesAreIsoCodes() {
        assertThat(reader("C", "USD").currency("C")).isEqualTo(Currency.getInstance("USD"));
        assertThat(reader("C", "eur").currency("C")).isEqualTo(Currency.getInstance("EUR"));
        assertThat(reader("C", "").optionalCurrency("C")).isNull();
        for (String bad : new String[] {"EURO", "US", "$", "QQQ", "€"}) {
            assertRejected(() -> reader("C", bad).currency("C"), RejectReason.MALFORMED_FIELD,
                    "C '" + bad + "' is not an ISO 4217 currency code");
            assertRejected(() -> reader("C", bad).optionalCurrency("C"), RejectReason.MALFORMED_FIELD,
                    "C '" + bad + "' is not an ISO 4217 currency code");
        }
    }

    @Test
    void oneOfGivesTheCanonicalSpellingOrTheDefault() {
        assertThat(reader("Term", "p1y").oneOf("Term", null, "P1Y", "P3Y")).isEqualTo("P1Y");
        assertThat(reader("Status", "").oneOf("Status", "Active", "Active", "Cancelled")).isEqualTo("Active");
        assertRejected(() -> reader("Term", "").oneOf("Term", null, "P1Y", "P3Y"), RejectReason.MISSING_FIELD,
                "Term is empty");
        assertRejected(() -> reader("Term", "P2Y").oneOf("Term", null, "P1Y", "P3Y"), RejectReason.MALFORMED_FIELD,
                "Term 'P2Y' must be one of P1Y, P3Y");
    }
}
