package se.portvakt.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTrailerTest {

    @Test
    void theTrailerReadsBackFromThePacketsEnd() {
        byte[] packet = new byte[12 + 80];
        long now = 0x0123_4567_89AB_CDEFL;
        MediaTrailer.write(packet, packet.length, 42, 70_000, now);
        assertThat(MediaTrailer.present(packet, 12, packet.length)).isTrue();
        assertThat(MediaTrailer.streamId(packet, packet.length)).isEqualTo(42);
        assertThat(MediaTrailer.index(packet, packet.length)).isEqualTo(70_000);
        assertThat(MediaTrailer.sendNanos(packet, packet.length)).isEqualTo(now);
        assertThat(MediaTrailer.present(new byte[40], 12, 40)).isFalse();
        assertThat(MediaTrailer.present(packet, 80, packet.length))
                .as("too short for a trailer")
                .isFalse();
    }
}
