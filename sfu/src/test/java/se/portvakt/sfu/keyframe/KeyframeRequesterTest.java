package se.portvakt.sfu.keyframe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.rtcp.RtcpPacket;

class KeyframeRequesterTest {
    static final long MS = 1_000_000L;

    /** At {@code ms}: a need ("need") or a timer tick ("tick"); whether a request goes upstream. */
    record Step(long ms, String what, boolean sends) {}

    static Step need(long ms, boolean sends) {
        return new Step(ms, "need", sends);
    }

    static Step tick(long ms, boolean sends) {
        return new Step(ms, "tick", sends);
    }

    /** A keyframe from the publisher arrives: sends nothing. */
    static Step keyframe(long ms) {
        return new Step(ms, "keyframe", false);
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("first need goes at once (a new subscriber)", List.of(need(0, true), tick(1000, false))),
                Arguments.of(
                        "second need inside 500 ms waits for the tick",
                        List.of(need(0, true), need(100, false), tick(499, false), tick(500, true), tick(1500, false))),
                Arguments.of(
                        "a burst of PLIs costs two requests",
                        List.of(
                                need(0, true),
                                need(10, false),
                                need(20, false),
                                need(30, false),
                                tick(500, true),
                                tick(510, false))),
                Arguments.of("needs 500 ms apart each go", List.of(need(0, true), need(500, true), need(1000, true))),
                Arguments.of(
                        "a need after the pending one was sent waits again",
                        List.of(need(0, true), need(100, false), tick(500, true), need(600, false), tick(1000, true))),
                Arguments.of(
                        "a need when the pending one is due goes at once",
                        List.of(need(0, true), need(100, false), need(700, true), tick(800, false))),
                Arguments.of(
                        "needs before the keyframe arrives are served by it: nothing more is asked",
                        List.of(
                                need(0, true),
                                need(30, false),
                                need(60, false),
                                keyframe(80),
                                tick(500, false),
                                tick(1000, false))),
                Arguments.of(
                        "a need after the keyframe arrived still waits for its own",
                        List.of(need(0, true), keyframe(80), need(100, false), tick(500, true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void rateLimit(String name, List<Step> steps) {
        KeyframeRequester requester = new KeyframeRequester(1, 2, true, KeyframeRequester.DEFAULT_INTERVAL);
        long expectedSent = 0;
        for (Step s : steps) {
            long now = 7_000 * MS + s.ms() * MS; // an arbitrary nanoTime origin
            Optional<RtcpPacket> out = switch (s.what()) {
                case "need" -> requester.request(now);
                case "tick" -> requester.tick(now);
                default -> {
                    requester.keyframeArrived();
                    yield Optional.empty();
                }
            };
            assertThat(out.isPresent()).as("%s at %d ms", s.what(), s.ms()).isEqualTo(s.sends());
            expectedSent += s.sends() ? 1 : 0;
        }
        assertThat(requester.sent()).isEqualTo(expectedSent);
    }

    @Test
    void pliNamesThePublisherStream() {
        KeyframeRequester requester = new KeyframeRequester(0xAAL, 0xBBL, true, Duration.ofMillis(500));
        assertThat(requester.request(0)).contains(new RtcpPacket.PictureLossIndication(0xAA, 0xBB));
    }

    @Test
    void firCarriesAnIncreasingSequenceNumber() {
        KeyframeRequester requester = new KeyframeRequester(0xAAL, 0xBBL, false, Duration.ofMillis(500));
        assertThat(requester.request(0))
                .contains(new RtcpPacket.FullIntraRequest(0xAA, List.of(new RtcpPacket.FirEntry(0xBB, 1))));
        assertThat(requester.request(1)).isEmpty();
        assertThat(requester.pending()).isTrue();
        assertThat(requester.merged()).isEqualTo(1);
        assertThat(requester.tick(500 * MS))
                .contains(new RtcpPacket.FullIntraRequest(0xAA, List.of(new RtcpPacket.FirEntry(0xBB, 2))));
    }
}
