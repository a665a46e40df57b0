package se.portvakt.sfu.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RtxUnwrapTest {
    static final HexFormat HEX = HexFormat.of();

    /** name, RTX packet (hex), expected original packet (hex) or null for NOTHING. apt 96, media SSRC 0x0A0B0C0D. */
    static Stream<Arguments> packets() {
        return Stream.of(
                Arguments.of(
                        "plain",
                        "80610007" + "00000064" + "11111111" + "04d2" + "cafe",
                        "806004d2" + "00000064" + "0a0b0c0d" + "cafe"),
                Arguments.of(
                        "marker kept",
                        "80e10007" + "00000064" + "11111111" + "04d2" + "cafe",
                        "80e004d2" + "00000064" + "0a0b0c0d" + "cafe"),
                Arguments.of(
                        "with a CSRC and an extension block",
                        "91610007" + "00000064" + "11111111" + "22222222" + "bede0001" + "10ff0000" + "ffff" + "abcd",
                        "9160ffff" + "00000064" + "0a0b0c0d" + "22222222" + "bede0001" + "10ff0000" + "abcd"),
                Arguments.of(
                        "payload and padding",
                        "a0610007" + "00000064" + "11111111" + "0001" + "aabb" + "000002",
                        "a0600001" + "00000064" + "0a0b0c0d" + "aabb" + "000002"),
                Arguments.of("padding-only probe", "a0610007" + "00000064" + "11111111" + "0001" + "000003", null),
                Arguments.of("OSN only", "80610007" + "00000064" + "11111111" + "0001", null),
                Arguments.of("no OSN", "80610007" + "00000064" + "11111111", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void unwrap(String name, String rtx, String original) {
        byte[] buf = HEX.parseHex(rtx);
        int len = RtxUnwrap.unwrap(buf, 0, buf.length, 96, 0x0A0B0C0DL);
        if (original == null) {
            assertThat(len).isEqualTo(RtxUnwrap.NOTHING);
        } else {
            assertThat(HEX.formatHex(Arrays.copyOf(buf, len))).isEqualTo(original);
        }
    }
}
