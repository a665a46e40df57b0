package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticAssetsTest {

    @Test
    void brotliIsAcceptedUnlessRefusedWithQZero() {
        assertThat(StaticAssets.BrotliFirst.acceptsBrotli("gzip, deflate, br, zstd"))
                .isTrue();
        assertThat(StaticAssets.BrotliFirst.acceptsBrotli("br;q=0.5, gzip")).isTrue();
        assertThat(StaticAssets.BrotliFirst.acceptsBrotli("gzip, br;q=0")).isFalse();
        assertThat(StaticAssets.BrotliFirst.acceptsBrotli("gzip, deflate")).isFalse();
        assertThat(StaticAssets.BrotliFirst.acceptsBrotli("brotli")).isFalse();
    }
}
