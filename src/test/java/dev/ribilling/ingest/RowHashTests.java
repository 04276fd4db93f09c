package dev.ribilling.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The 128-bit row hash is stored in usage_line: it must never change between versions (or every stored line
 * would stop matching), and different texts must give different hashes.
 */
class RowHashTests {

    @Test
    void valuesArePinned() {
        // Computed once; a change here means stored usage lines no longer match re-imported rows.
        assertThat(RowHash.of("")).isEqualTo(new RowHash(PINNED_EMPTY_HI, PINNED_EMPTY_LO));
        assertThat(RowHash.of("contoso|c0a1b2c3-0001-4000-8000-000000000001|null|rg-web"))
                .isEqualTo(new RowHash(PINNED_ROW_HI, PINNED_ROW_LO));
    }

    static final long PINNED_EMPTY_HI = -7781342737886326986L;
    static final long PINNED_EMPTY_LO = 557091742717968053L;
    static final long PINNED_ROW_HI = 2691388077290746899L;
    static final long PINNED_ROW_LO = 6308788677920625873L;

    @Test
    void theSameTextGivesTheSameHash() {
        String text = "fabrikam|fab0|null|rg-erp|/subscriptions/x/virtualmachines/erp-01|Virtual Machines|é€東";
        assertThat(RowHash.of(text)).isEqualTo(RowHash.of(new String(text.toCharArray())));
    }

    @Test
    void differentTextsGiveDifferentHashesAtEveryLengthAndPosition() {
        Set<RowHash> seen = new HashSet<>();
        StringBuilder sb = new StringBuilder();
        for (int length = 0; length <= 70; length++) {
            assertThat(seen.add(RowHash.of(sb.toString()))).as("length " + length).isTrue();
            sb.append((char) ('a' + length % 26));
        }
        String base = "x".repeat(40);
        for (int i = 0; i < base.length(); i++) {
            String changed = base.substring(0, i) + 'y' + base.substring(i + 1);
            assertThat(seen.add(RowHash.of(changed))).as("byte " + i + " changed").isTrue();
        }
        // Trailing zero bytes count (the tail is not ignored when its value is zero).
        assertThat(RowHash.of("abc\u0000")).isNotEqualTo(RowHash.of("abc"));
        assertThat(RowHash.of("\u0000".repeat(9))).isNotEqualTo(RowHash.of("\u0000".repeat(8)));
        assertThat(RowHash.of("a|b")).isNotEqualTo(RowHash.of("b|a"));
    }

    @Test
    void bothHalvesVary() {
        Set<Long> his = new HashSet<>();
        Set<Long> los = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            RowHash h = RowHash.of("row " + i);
            his.add(h.hi());
            los.add(h.lo());
        }
        assertThat(his).hasSize(1000);
        assertThat(los).hasSize(1000);
    }
}
