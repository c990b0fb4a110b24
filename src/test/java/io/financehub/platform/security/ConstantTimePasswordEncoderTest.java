package io.financehub.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConstantTimePasswordEncoderTest {

    private final ConstantTimePasswordEncoder encoder = new ConstantTimePasswordEncoder();

    @Test
    void storesADigestOfFixedLengthAndMatchesOnlyTheSamePassword() {
        String stored = encoder.encode("correct horse");

        assertThat(stored).hasSize(64).doesNotContain("correct");
        assertThat(encoder.encode("x")).hasSize(64);
        assertThat(encoder.matches("correct horse", stored)).isTrue();
        assertThat(encoder.matches("correct hors", stored)).isFalse();
        assertThat(encoder.matches("correct horse ", stored)).isFalse();
        assertThat(encoder.matches("", stored)).isFalse();
        assertThat(encoder.matches(null, stored)).isFalse();
        assertThat(encoder.matches("correct horse", null)).isFalse();
    }
}
