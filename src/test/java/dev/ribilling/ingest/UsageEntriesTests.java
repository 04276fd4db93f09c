package dev.ribilling.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageEntriesTests {

    private static UsageEntries.Entry e(int hour, int slotHours, String q, String p, long file, long line) {
        return new UsageEntries.Entry(hour, slotHours, new BigDecimal(q), new BigDecimal(p), file, line);
    }

    @Test
    void roundTripKeepsOrderAndProvenanceAtScaleTen() {
        List<UsageEntries.Entry> in = List.of(e(0, 1, "1", "0.096", 17, 2), e(1, 1, "1", "0.096", 17, 3),
                e(1, 1, "0.5", "0.0960", 17, 40), e(0, 24, "12.5", "0.2", 18, 9), e(23, 1, "0", "-3.25", 4_000_000_000L, 99),
                e(5, 1, "123456789012.1234567891", "99999999999999.9999999999", 3, 8_000_000_000L));
        UsageEntries.Packer packer = new UsageEntries.Packer();
        in.forEach(x -> assertThat(packer.add(x)).isTrue());
        assertThat(packer.count()).isEqualTo(6);
        List<UsageEntries.Entry> out = UsageEntries.decode(packer.text());
        assertThat(out).hasSize(6);
        for (int i = 0; i < in.size(); i++) {
            UsageEntries.Entry a = in.get(i);
            UsageEntries.Entry b = out.get(i);
            assertThat(b.hour()).isEqualTo(a.hour());
            assertThat(b.slotHours()).isEqualTo(a.slotHours());
            assertThat(b.fileId()).isEqualTo(a.fileId());
            assertThat(b.lineNumber()).isEqualTo(a.lineNumber());
            assertThat(b.quantity().scale()).isEqualTo(10);
            assertThat(b.unitPrice().scale()).isEqualTo(10);
            assertThat(b.quantity()).isEqualByComparingTo(a.quantity());
            assertThat(b.unitPrice()).isEqualByComparingTo(a.unitPrice());
        }
        assertThat(out.get(0).quantity()).isEqualTo(new BigDecimal("1.0000000000"));
    }

    @Test
    void repeatedFieldsAreLeftOutAndTheTextIsDocumented() {
        UsageEntries.Packer packer = new UsageEntries.Packer();
        packer.add(e(0, 1, "1", "0.096", 17, 2));
        packer.add(e(1, 1, "1", "0.0960", 17, 3));
        packer.add(e(2, 1, "1.00", "0.096", 17, 4));
        assertThat(packer.text()).isEqualTo("0,1,1,0.096,17,2;1,,1,,,3;2,,1,,,4");
    }

    @Test
    void storedValuesAreRoundedHalfUpToTenDecimalsAsTheFormerDecimalColumns() {
        UsageEntries.Packer packer = new UsageEntries.Packer();
        packer.add(e(0, 1, "0.12345678905", "2.00000000004999", 1, 2));
        packer.add(e(1, 1, "0.00000000005", "-0.00000000005", 1, 3));
        List<UsageEntries.Entry> out = UsageEntries.decode(packer.text());
        assertThat(out.get(0).quantity()).isEqualTo(new BigDecimal("0.1234567891"));
        assertThat(out.get(0).unitPrice()).isEqualTo(new BigDecimal("2.0000000000"));
        assertThat(out.get(1).quantity()).isEqualTo(new BigDecimal("0.0000000001"));
        assertThat(out.get(1).unitPrice()).isEqualTo(new BigDecimal("-0.0000000001"));
        assertThat(UsageEntries.stored(new BigDecimal("1.5"))).isEqualTo(new BigDecimal("1.5000000000"));
    }

    @Test
    void decodesTheFullFieldsOfTheMigrationAndDecimalColumnText() {
        List<UsageEntries.Entry> out = UsageEntries.decode("3,1,1.0000000000,0.0960000000,5,7;4,1,2.0000000000,0.0960000000,5,8");
        assertThat(out).extracting(UsageEntries.Entry::hour).containsExactly(3, 4);
        assertThat(out.get(1).quantity()).isEqualTo(new BigDecimal("2.0000000000"));
        assertThat(out.get(1).unitPrice()).isEqualTo(new BigDecimal("0.0960000000"));
        assertThat(out.get(1).lineNumber()).isEqualTo(8);
    }

    @Test
    void aFullPackRefusesTheNextEntryAndStaysAsItWas() {
        UsageEntries.Packer packer = new UsageEntries.Packer(40);
        assertThat(packer.add(e(0, 1, "1", "0.096", 17, 2))).isTrue();
        assertThat(packer.add(e(1, 1, "1", "0.096", 17, 3))).isTrue();
        String before = packer.text();
        assertThat(packer.add(e(2, 1, "1.5", "0.097", 18, 123456))).isFalse();
        assertThat(packer.text()).isEqualTo(before);
        assertThat(packer.count()).isEqualTo(2);
        // The next pack starts with every field again.
        UsageEntries.Packer next = new UsageEntries.Packer(40);
        assertThat(next.add(e(2, 1, "1.5", "0.097", 18, 123456))).isTrue();
        assertThat(UsageEntries.decode(next.text()).get(0).fileId()).isEqualTo(18);
    }

    @Test
    void theLargestEntriesFitManyTimesInOnePack() {
        UsageEntries.Packer packer = new UsageEntries.Packer();
        int n = 0;
        while (packer.add(e(n % 24, 1, "99999999999999.9999999999", "-99999999999999.9999999999", 1_000_000_000L + n,
                4_000_000_000L))) {
            n++;
        }
        assertThat(n).isGreaterThan(100);
        assertThat(packer.text().length()).isLessThanOrEqualTo(UsageEntries.MAX_CHARS);
        assertThat(UsageEntries.decode(packer.text())).hasSize(n);
    }

    @Test
    void malformedTextIsRefused() {
        assertThatThrownBy(() -> UsageEntries.decode("0,1,1,0.5,3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsageEntries.decode("0,,1,0.5,3,4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsageEntries.decode("0,1,x,0.5,3,4")).isInstanceOf(IllegalArgumentException.class);
        List<UsageEntries.Entry> none = new ArrayList<>(UsageEntries.decode(""));
        assertThat(none).isEmpty();
    }
}
