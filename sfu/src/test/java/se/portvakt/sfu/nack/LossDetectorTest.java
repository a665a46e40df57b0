package se.portvakt.sfu.nack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.rtcp.RtcpEncoder;
import se.portvakt.sfu.rtcp.RtcpPacket;

class LossDetectorTest {
    static final long MS = 1_000_000L;

    /** A scripted step: at time {@code ms}, either receive {@code seq} or ask what is due. */
    record Step(long ms, Integer seq, List<Integer> expectDue) {
        static Step rx(long ms, int seq) {
            return new Step(ms, seq, null);
        }

        static Step due(long ms, Integer... seqs) {
            return new Step(ms, null, List.of(seqs));
        }
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("in order: nothing", List.of(Step.rx(0, 1), Step.rx(1, 2), Step.rx(2, 3), Step.due(100))),
                Arguments.of(
                        "gap not NACKed before the 20 ms floor",
                        List.of(Step.rx(0, 1), Step.rx(1, 3), Step.due(20), Step.due(21, 2))),
                Arguments.of(
                        "reordered within the floor: no NACK",
                        List.of(Step.rx(0, 1), Step.rx(1, 3), Step.rx(5, 2), Step.due(50))),
                Arguments.of(
                        "retry after the interval, at most 3 times",
                        List.of(
                                Step.rx(0, 1),
                                Step.rx(0, 3),
                                Step.due(20, 2),
                                Step.due(60),
                                Step.due(120, 2),
                                Step.due(220, 2),
                                Step.due(320),
                                Step.due(1000))),
                Arguments.of(
                        "retransmission stops retries",
                        List.of(Step.rx(0, 1), Step.rx(0, 4), Step.due(20, 2, 3), Step.rx(30, 2), Step.due(120, 3))),
                Arguments.of("across wraparound", List.of(Step.rx(0, 65534), Step.rx(0, 1), Step.due(20, 65535, 0))),
                Arguments.of(
                        "burst of 20 in one go",
                        List.of(
                                Step.rx(0, 100),
                                Step.rx(0, 121),
                                Step.due(
                                        25, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115,
                                        116, 117, 118, 119, 120))),
                Arguments.of(
                        "a jump past maxGap is a restart, not loss",
                        List.of(Step.rx(0, 10), Step.rx(0, 3000), Step.due(100))),
                Arguments.of(
                        "late duplicate of an old packet is ignored",
                        List.of(Step.rx(0, 10), Step.rx(0, 11), Step.rx(0, 5), Step.due(100))),
                Arguments.of(
                        "older than the window is abandoned",
                        List.of(Step.rx(0, 1), Step.rx(0, 3), Step.rx(1, 600), Step.due(30, seqRange(4, 600)))));
    }

    static Integer[] seqRange(int from, int toExclusive) {
        List<Integer> out = new ArrayList<>();
        for (int s = from; s < toExclusive; s++) {
            if (s >= 600 - 512) {
                out.add(s);
            }
        }
        return out.toArray(Integer[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void script(String name, List<Step> steps) {
        LossDetector detector = new LossDetector(NackSettings.DEFAULTS);
        for (Step s : steps) {
            if (s.seq() != null) {
                detector.received(s.seq(), s.ms() * MS);
            } else {
                assertThat(detector.due(s.ms() * MS)).as("due at %d ms", s.ms()).isEqualTo(s.expectDue());
            }
        }
    }

    @Test
    void countsRequestedRecoveredAndAbandoned() {
        LossDetector detector = new LossDetector(new NackSettings(Duration.ZERO, Duration.ofMillis(10), 2, 512, 1000));
        detector.received(1, 0);
        detector.received(5, 0); // 2, 3, 4 missing
        assertThat(detector.missingCount()).isEqualTo(3);
        assertThat(detector.due(0)).containsExactly(2, 3, 4);
        detector.received(3, MS);
        assertThat(detector.due(10 * MS)).containsExactly(2, 4);
        assertThat(detector.due(20 * MS)).isEmpty(); // retries spent: dropped after one more interval
        assertThat(detector.requested()).isEqualTo(5);
        assertThat(detector.recovered()).isEqualTo(1);
        assertThat(detector.abandoned()).isEqualTo(2);
        assertThat(detector.missingCount()).isZero();
        assertThat(detector.highest()).isEqualTo(5);
    }

    @Test
    void aRetransmissionRepairsOnlyAGapStillAskedFor() {
        LossDetector detector = new LossDetector(new NackSettings(Duration.ZERO, Duration.ofMillis(10), 1, 512, 1000));
        assertThat(detector.isMissing(7)).as("before the first packet").isFalse();
        detector.received(65534, 0);
        detector.received(2, 0); // 65535, 0, 1 missing, across the wrap
        assertThat(detector.isMissing(65535)).isTrue();
        assertThat(detector.isMissing(0)).isTrue();
        assertThat(detector.isMissing(65534)).as("arrived").isFalse();
        assertThat(detector.isMissing(3)).as("not yet sent").isFalse();
        detector.received(0, MS);
        assertThat(detector.isMissing(0)).as("repaired").isFalse();
        detector.due(MS);
        detector.due(20 * MS); // the one retry had its chance
        assertThat(detector.isMissing(1)).as("given up").isFalse();
    }

    @Test
    void extendedSequenceNumbersCountWraps() {
        LossDetector detector = new LossDetector(NackSettings.DEFAULTS);
        long last = 0;
        for (int i = 0; i < 3 * 65536; i += 100) {
            last = detector.received(i & 0xFFFF, 0);
        }
        assertThat(last).isEqualTo(3 * 65536 - 8);
        assertThat(detector.received(5, 0)).as("forward across the wrap").isEqualTo(3 * 65536 + 5);
        assertThat(detector.received(65530, 0))
                .as("reordered from before the wrap")
                .isEqualTo(3 * 65536 - 6);
    }

    @Test
    void dueNumbersEncodeAsPidAndBlp() {
        LossDetector detector = new LossDetector(NackSettings.DEFAULTS);
        detector.received(1000, 0);
        detector.received(1003, 0); // 1001, 1002
        detector.received(1020, 0); // 1004 .. 1019
        List<Integer> lost = detector.due(20 * MS);
        byte[] nack = RtcpEncoder.encode(new RtcpPacket.GenericNack(1, 2, lost));
        // PID 1001 with BLP for 1002, 1004..1017 (bit 1, for 1003, clear), then PID 1018 with BLP for 1019.
        assertThat(HexFormat.of().formatHex(nack, 12, nack.length)).isEqualTo("03e9fffd" + "03fa0001");
    }
}
