package dev.ribilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SafeNamesTests {

    @Test
    void ordinaryIdsAreAccepted() {
        assertThat(SafeNames.isSafe("C1")).isTrue();
        assertThat(SafeNames.isSafe("contoso.eu-2_b")).isTrue();
        assertThat(SafeNames.isSafe("CONSOLE")).isTrue();
        assertThat(SafeNames.isSafe("COM10")).isTrue();
        assertThat(SafeNames.isSafe("a".repeat(64))).isTrue();
        assertThat(SafeNames.require("RES-A")).isEqualTo("RES-A");
    }

    @Test
    void pathTraversalAndOddCharactersAreRefused() {
        assertThat(SafeNames.isSafe("../../x")).isFalse();
        assertThat(SafeNames.isSafe("..")).isFalse();
        assertThat(SafeNames.isSafe(".hidden")).isFalse();
        assertThat(SafeNames.isSafe("-rf")).isFalse();
        assertThat(SafeNames.isSafe("a/b")).isFalse();
        assertThat(SafeNames.isSafe("a\\b")).isFalse();
        assertThat(SafeNames.isSafe("a b")).isFalse();
        assertThat(SafeNames.isSafe("")).isFalse();
        assertThat(SafeNames.isSafe(null)).isFalse();
        assertThat(SafeNames.isSafe("a".repeat(65))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> SafeNames.require("../../x")).withMessageContaining("../../x");
    }

    @Test
    void windowsDeviceNamesAreRefusedInAnyCaseAndWithAnExtension() {
        assertThat(SafeNames.isSafe("CON")).isFalse();
        assertThat(SafeNames.isSafe("con.txt")).isFalse();
        assertThat(SafeNames.isSafe("Nul")).isFalse();
        assertThat(SafeNames.isSafe("aux.tar.gz")).isFalse();
        assertThat(SafeNames.isSafe("COM1")).isFalse();
        assertThat(SafeNames.isSafe("lpt9.log")).isFalse();
        assertThat(SafeNames.isSafe("PRN")).isFalse();
    }
}
