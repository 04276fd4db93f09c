package dev.ribilling.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an import of folders and files reads, in which order, and which inputs stop it before anything loads. */
class InputScannerTests {

    static final String USAGE_HEADER = "CustomerId,SubscriptionId,ResourceGroup,ResourceURI,UsageDate,MeterCategory,"
            + "ConsumedService,ResourceLocation,Quantity,UnitPrice,BillingCurrency,AdditionalInfo\n";
    static final String CUSTOMERS_HEADER = "CustomerId,CustomerName,BillingCurrency,PaygMarkupPct,ReservationMarkupPct\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aFolderContributesItsRecognisedFilesByKindThenNameButNotItsSubFolders() throws IOException {
        write("usage-b.csv", USAGE_HEADER);
        write("usage-a.csv", USAGE_HEADER);
        write("customers.csv", CUSTOMERS_HEADER);
        write("isf.csv", "InstanceSizeFlexibilityGroup,ArmSkuName,Ratio\n");
        write("README.md", "not an input");
        write("notes.csv", "whatever\n");
        write("prices.xlsx", "not read: prices are csv only");
        write("sub/usage-c.csv", USAGE_HEADER);

        List<InputFile> files = InputScanner.scan(List.of(dir));

        assertThat(files).extracting(InputFile::fileName).containsExactly("isf.csv", "customers.csv", "usage-a.csv",
                "usage-b.csv");
        assertThat(files).extracting(InputFile::kind).containsExactly(InputKind.ISF, InputKind.CUSTOMERS,
                InputKind.USAGE, InputKind.USAGE);
        assertThat(files).allSatisfy(f -> assertThat(f.path()).isAbsolute());
    }

    @Test
    void aFileGivenTwiceIsReadOnce() throws IOException {
        Path usage = write("usage.csv", USAGE_HEADER);
        List<InputFile> files = InputScanner.scan(List.of(dir, usage, dir.resolve("./usage.csv")));
        assertThat(files).hasSize(1);
    }

    @Test
    void theSampleFolder() {
        List<InputFile> files = InputScanner.scan(List.of(Path.of("sample-data")));
        assertThat(files).extracting(InputFile::fileName).containsExactly("isf.csv", "prices.csv", "fx-rates.csv",
                "customers.csv", "reservations.csv", "usage-2026-10.csv", "partner-invoice-2026-10.csv");
        assertThat(InputScanner.scan(List.of(Path.of("sample-data/bad")))).extracting(InputFile::fileName)
                .containsExactly("customers-bad.csv", "reservations-bad.csv", "usage-bad.csv", "usage-bom-crlf.csv");
    }

    @Test
    void anExplicitFileWithAnUnrecognisedNameIsUnusable() throws IOException {
        Path notes = write("notes.csv", "a,b\n");
        assertThatThrownBy(() -> InputScanner.scan(List.of(notes))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("notes.csv: not a recognised input file name");
        Path xlsxUsage = write("usage.xlsx", "x");
        assertThatThrownBy(() -> InputScanner.scan(List.of(xlsxUsage))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("usage.xlsx: not a recognised input file name");
    }

    @Test
    void aMissingPathIsUnusable() {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> InputScanner.scan(List.of(missing))).isInstanceOf(InvalidInputException.class)
                .hasMessage(missing + ": no such file or directory");
    }

    @Test
    void aMissingRequiredColumnNamesTheColumn() {
        assertThatThrownBy(() -> InputScanner.scan(List.of(Path.of("sample-data/bad-header"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("usage-missing-quantity.csv: missing required column Quantity (a usage file needs ");
    }

    @Test
    void severalMissingColumnsAreAllNamed() throws IOException {
        write("customers.csv", "CustomerId,customername\n");
        assertThatThrownBy(() -> InputScanner.scan(List.of(dir))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("customers.csv: missing required columns BillingCurrency, PaygMarkupPct, "
                        + "ReservationMarkupPct (a customers file needs ");
    }

    @Test
    void headersMatchInAnyOrderAndCase() throws IOException {
        write("customers.csv", "reservationmarkuppct,RESELLERID, CustomerName ,billingcurrency,PAYGMARKUPPCT,customerid\n");
        assertThat(InputScanner.scan(List.of(dir))).hasSize(1);
    }

    @Test
    void anEmptyFileIsUnusable() throws IOException {
        write("customers.csv", "");
        assertThatThrownBy(() -> InputScanner.scan(List.of(dir))).isInstanceOf(InvalidInputException.class)
                .hasMessage("customers.csv: the file is empty, it has no header row");
    }

    @Test
    void aCostExportNeedsItsOwnColumns() throws IOException {
        write("usage-ea.csv", "Date,ResourceId,SubscriptionId,MeterCategory,ConsumedService,ResourceLocation,Quantity,"
                + "UnitPrice,AdditionalInfo,BillingCurrencyCode,ResourceGroupName\n");
        assertThat(InputScanner.scan(List.of(dir))).hasSize(1);
        write("usage-ea.csv", "Date,ResourceId,SubscriptionId,MeterCategory,ConsumedService,ResourceLocation,"
                + "UnitPrice,AdditionalInfo,ResourceGroup\n");
        assertThatThrownBy(() -> InputScanner.scan(List.of(dir))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("usage-ea.csv: missing required columns Quantity, BillingCurrency");
    }

    @Test
    void invalidUtf8AnywhereInAFileMakesItUnusableBeforeAnythingLoads() throws IOException {
        StringBuilder rows = new StringBuilder(USAGE_HEADER);
        for (int i = 0; i < 5_000; i++) {
            rows.append("contoso,s,rg,/r,2026-10-01,Storage,Microsoft.Storage,eastus,1,0.1,USD,\n");
        }
        Path p = write("usage.csv", rows.toString());
        byte[] bytes = Files.readAllBytes(p);
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        broken[bytes.length] = 'x';
        broken[bytes.length + 1] = (byte) 0xFF;
        broken[bytes.length + 2] = '\n';
        Files.write(p, broken);

        assertThatThrownBy(() -> InputScanner.scan(List.of(dir))).isInstanceOf(InvalidInputException.class)
                .hasMessage("usage.csv: line 5002 is not valid UTF-8 text");
    }

    @Test
    void aQuotedFieldNeverClosedMakesTheFileUnusableBeforeAnythingLoads() throws IOException {
        StringBuilder rows = new StringBuilder(USAGE_HEADER);
        for (int i = 0; i < 3; i++) {
            rows.append("contoso,s,rg,/r,2026-10-01,Storage,Microsoft.Storage,eastus,1,0.1,USD,\n");
        }
        rows.append("contoso,s,rg,/r,2026-10-01,Storage,Microsoft.Storage,eastus,1,0.1,USD,\"{\"\"ServiceType\"\":\n");
        rows.append("contoso,s,rg,/r,2026-10-01,Storage,Microsoft.Storage,eastus,1,0.1,USD,\n");
        write("usage.csv", rows.toString());

        assertThatThrownBy(() -> InputScanner.scan(List.of(dir))).isInstanceOf(InvalidInputException.class)
                .hasMessage("usage.csv: line 5 opens a quoted field that is never closed (the rest of the file would be "
                        + "one field)");
    }

    @Test
    void quotesThatTheParserReadsAreNotMistakenForAnUnclosedField() throws IOException {
        // A BOM, a quoted header, a literal quote inside an unquoted field, escaped quotes, a field over two lines,
        // CRLF endings and an empty quoted field.
        write("usage.csv", "\uFEFF\"" + USAGE_HEADER.replace(",", "\",\"").strip() + "\"\r\n"
                + "contoso,s,rg,/r 5\" disk,2026-10-01,Storage,Microsoft.Storage,eastus,1,0.1,USD,\"{\"\"a\"\":\"\"b,\n"
                + "c\"\"}\"\r\n"
                + "contoso,s,rg,/r,2026-10-01,Storage,Microsoft.Storage,eastus,1,0.1,USD,\"\"\r\n");

        assertThat(InputScanner.scan(List.of(dir))).hasSize(1);
    }
}
