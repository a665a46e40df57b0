package se.portvakt.sfu.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Vp8KeyframeTest {
    static final String HEADER = "80600001" + "00000000" + "0a0b0c0d";

    /** name, RTP packet (hex), starts a keyframe. */
    static Stream<Arguments> packets() {
        return Stream.of(
                Arguments.of(
                        "minimal descriptor, keyframe (frame tag, start code)",
                        HEADER + "10" + "500000" + "9d012a",
                        true),
                Arguments.of("minimal descriptor, delta frame", HEADER + "10" + "510000", false),
                Arguments.of("not the start of a partition", HEADER + "00" + "9c", false),
                Arguments.of("start of partition 1, not 0", HEADER + "11" + "9c", false),
                Arguments.of(
                        "Chrome's form: X, I with a 15-bit picture id, keyframe",
                        HEADER + "90" + "80" + "8123" + "50",
                        true),
                Arguments.of("Chrome's form, delta frame", HEADER + "90" + "80" + "8123" + "51", false),
                Arguments.of("X with I (7-bit), L, T", HEADER + "90" + "e0" + "05" + "07" + "40" + "00", true),
                Arguments.of("K only", HEADER + "90" + "10" + "20" + "00", true),
                Arguments.of("descriptor cut short", HEADER + "90" + "80", false),
                Arguments.of(
                        "after a header extension",
                        "90600001" + "00000000" + "0a0b0c0d" + "bede0001" + "10ff0000" + "10" + "00",
                        true),
                Arguments.of("empty payload", HEADER, false),
                Arguments.of("payload only padding", "a0600001" + "00000000" + "0a0b0c0d" + "1000" + "02", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void detects(String name, String hex, boolean keyframe) {
        byte[] packet = HexFormat.of().parseHex(hex);
        assertThat(Vp8Keyframe.starts(packet, 0, packet.length)).isEqualTo(keyframe);
    }
}
