package se.portvakt.sfu.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BearerSecretTest {

    final BearerSecret secret = new BearerSecret("0123456789abcdef");

    @Test
    void onlyTheExactBearerHeaderMatches() {
        assertThat(secret.matches("Bearer 0123456789abcdef")).isTrue();
        assertThat(secret.matches(null)).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches("0123456789abcdef")).isFalse();
        assertThat(secret.matches("bearer 0123456789abcdef")).isFalse();
        assertThat(secret.matches("Bearer 0123456789abcdeF")).isFalse();
        assertThat(secret.matches("Bearer 0123456789abcdef ")).isFalse();
        assertThat(secret.matches("Bearer 0123456789abcde")).isFalse();
    }

    @Test
    void neverShowsTheSecretAndRefusesAShortOne() {
        assertThat(secret.toString()).doesNotContain("0123");
        assertThat(secret.header()).isEqualTo("Bearer 0123456789abcdef");
        assertThatThrownBy(() -> new BearerSecret("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BearerSecret(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
