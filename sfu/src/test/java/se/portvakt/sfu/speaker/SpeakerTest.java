package se.portvakt.sfu.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpeakerTest {
    static final long MS = 1_000_000L;

    /** A talker: from {@code fromMs} to {@code toMs} at {@code level} (others silent, 127). */
    record Talk(String who, long fromMs, long toMs, int level) {
    }

    /** name, talk spells, the sequence of dominant speakers announced. */
    static Stream<Arguments> conversations() {
        return Stream.of(
                Arguments.of("one talker", List.of(new Talk("a", 0, 3000, 30)), List.of("a")),
                Arguments.of("turn taking", List.of(new Talk("a", 0, 3000, 30), new Talk("b", 3000, 6000, 30)),
                        List.of("a", "b")),
                Arguments.of("a 200 ms interjection does not switch", List.of(new Talk("a", 0, 5000, 30),
                        new Talk("b", 2000, 2200, 20)), List.of("a")),
                Arguments.of("quiet background talker does not take over", List.of(new Talk("a", 0, 5000, 30),
                        new Talk("b", 0, 5000, 100)), List.of("a")),
                Arguments.of("louder talker wins", List.of(new Talk("a", 0, 5000, 90),
                        new Talk("b", 2000, 5000, 20)), List.of("a", "b")),
                Arguments.of("silence announces nobody", List.of(new Talk("a", 0, 5000, 127)), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversations")
    void dominantSpeaker(String name, List<Talk> talks, List<String> announced) {
        DominantSpeaker detector = new DominantSpeaker();
        List<String> got = new ArrayList<>();
        List<String> everyone = talks.stream().map(Talk::who).distinct().toList();
        for (long t = 0; t < 6000; t += 20) { // one audio packet per 20 ms per participant
            for (String who : everyone) {
                final long now = t;
                int level = talks.stream().filter(k -> k.who().equals(who) && now >= k.fromMs() && now < k.toMs())
                        .mapToInt(Talk::level).min().orElse(127);
                detector.observe(who, level, t * MS).ifPresent(got::add);
            }
        }
        assertThat(got).isEqualTo(announced);
    }

    @Test
    void leavingSpeakerIsReplacedWithoutTheMargin() {
        DominantSpeaker detector = new DominantSpeaker();
        for (int i = 0; i < 100; i++) {
            detector.observe("a", 20, i * 20 * MS);
        }
        assertThat(detector.current()).contains("a");
        detector.remove("a");
        assertThat(detector.current()).isEmpty();
        assertThat(detector.observe("b", 10, 5000 * MS)).isEqualTo(Optional.empty()); // needs margin over 0 first
        for (int i = 1; i < 20; i++) {
            detector.observe("b", 10, (5000 + i * 20) * MS);
        }
        assertThat(detector.current()).contains("b");
    }

    /** name, packet bytes (header + extension block), extension id, expected level. */
    static Stream<Arguments> packets() {
        byte[] base = {(byte) 0x90, 111, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
        return Stream.of(
                Arguments.of("level in the first element", concat(base, (byte) 0xBE, (byte) 0xDE, 0, 1, 0x10, (byte) 0xA5, 0, 0), 1, 0x25),
                Arguments.of("after another element", concat(base, (byte) 0xBE, (byte) 0xDE, 0, 2,
                        0x21, 1, 2, 0x30, 0x7F, 0, 0, 0), 3, 127),
                Arguments.of("padding before it", concat(base, (byte) 0xBE, (byte) 0xDE, 0, 1, 0, 0, 0x50, 40), 5, 40),
                Arguments.of("other id only", concat(base, (byte) 0xBE, (byte) 0xDE, 0, 1, 0x10, 5, 0, 0), 2, -1),
                Arguments.of("two-byte form is not read", concat(base, 0x10, 0x00, 0, 1, 1, 1, 5, 0), 1, -1),
                Arguments.of("length past the end", concat(base, (byte) 0xBE, (byte) 0xDE, 0, 9, 0x10, 5, 0, 0), 1, -1),
                Arguments.of("no X bit", new byte[] {(byte) 0x80, 111, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}, 1, -1));
    }

    static byte[] concat(byte[] head, int... tail) {
        byte[] out = new byte[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < tail.length; i++) {
            out[head.length + i] = (byte) tail[i];
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void audioLevel(String name, byte[] packet, int id, int expected) {
        assertThat(AudioLevel.read(packet, 0, packet.length, id)).isEqualTo(expected);
    }
}
