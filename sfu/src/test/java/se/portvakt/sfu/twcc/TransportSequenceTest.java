package se.portvakt.sfu.twcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransportSequenceTest {
    static final String RTP = "9060" + "0001" + "00000001" + "11111111"; // X set, pt 96, seq 1

    static Stream<Arguments> packets() {
        return Stream.of(
                Arguments.of(
                        "one-byte: abs-send-time (2), transport-cc (3)",
                        "bede0002" + "22aabbcc" + "31" + "beef" + "00",
                        3,
                        0xBEEF),
                Arguments.of("one-byte, other id", "bede0002" + "22aabbcc" + "31" + "beef" + "00", 5, -1),
                Arguments.of("one-byte, wrong length for id 3", "bede0001" + "32aabbcc", 3, -1),
                Arguments.of("one-byte, id 15 stops", "bede0002" + "f0" + "31beef" + "000000", 3, -1),
                Arguments.of("two-byte", "10000002" + "0302" + "1234" + "00000000", 3, 0x1234),
                Arguments.of("two-byte, id 200", "10000002" + "c802" + "abcd" + "00000000", 200, 0xABCD),
                Arguments.of("extension longer than the packet", "bede0009" + "31beef00", 3, -1),
                Arguments.of("another profile", "abcd0001" + "31beef00", 3, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void readsTheNumberWhereTheExtensionSaysItIs(String name, String extension, int id, int expected) {
        byte[] packet = HexFormat.of().parseHex(RTP + extension + "aabbcc");
        assertThat(TransportSequence.read(packet, 0, packet.length, id)).isEqualTo(expected);
    }
}
