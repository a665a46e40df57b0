package se.portvakt.sfu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.rtcp.RtcpEncoder;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtcp.RtcpParser;

class ReportsTest {
    static final long MS = 1_000_000L;

    /** name, extended sequence numbers received in the interval, fraction lost, cumulative lost, highest. */
    static Stream<Arguments> intervals() {
        return Stream.of(
                Arguments.of("none lost", List.of(1L, 2L, 3L, 4L), 0, 0, 4L),
                Arguments.of("one of four lost", List.of(1L, 2L, 4L), 64, 1, 4L),
                Arguments.of("half lost", List.of(10L, 12L, 14L, 16L, 18L), 113, 4, 18L),
                Arguments.of("duplicates make loss negative, fraction 0", List.of(1L, 2L, 2L, 3L), 0, -1, 3L),
                Arguments.of("across the 16-bit wrap", List.of(65534L, 65535L, 65537L), 64, 1, 65537L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intervals")
    void receptionReportBlock(String name, List<Long> sequence, int fraction, int cumulative, long highest) {
        ReceptionStatistics stats = new ReceptionStatistics(90000);
        long t = 0;
        for (long seq : sequence) {
            stats.received(seq, seq * 3000, t += 33 * MS);
        }
        RtcpPacket.ReportBlock block = stats.reportBlock(0x1234, t);
        assertThat(block.fractionLost()).isEqualTo(fraction);
        assertThat(block.cumulativeLost()).isEqualTo(cumulative);
        assertThat(block.highestSequence()).isEqualTo(highest);
        assertThat(block.ssrc()).isEqualTo(0x1234);
    }

    @Test
    void fractionIsPerIntervalAndCumulativeIsNot() {
        ReceptionStatistics stats = new ReceptionStatistics(48000);
        stats.received(1, 0, 0);
        stats.received(3, 0, 0);
        assertThat(stats.reportBlock(1, 0).fractionLost()).isEqualTo(85); // 1 of 3
        stats.received(4, 0, 0);
        stats.received(5, 0, 0);
        RtcpPacket.ReportBlock second = stats.reportBlock(1, 0);
        assertThat(second.fractionLost()).isZero();
        assertThat(second.cumulativeLost()).isEqualTo(1);
    }

    @Test
    void jitterIsZeroForPerfectPacingAndGrowsWithVariation() {
        ReceptionStatistics steady = new ReceptionStatistics(90000);
        ReceptionStatistics shaky = new ReceptionStatistics(90000);
        for (int i = 0; i < 100; i++) {
            steady.received(i, i * 3000L, i * 33_333_333L);
            shaky.received(i, i * 3000L, i * 33_333_333L + (i % 2 == 0 ? 0 : 10 * MS));
        }
        assertThat(steady.reportBlock(1, 0).jitter()).isLessThanOrEqualTo(90); // ms rounding only
        assertThat(shaky.reportBlock(1, 0).jitter()).isBetween(800L, 950L); // ~10 ms at 90 kHz
    }

    @Test
    void lastSrAndDelaySinceLastSr() {
        ReceptionStatistics stats = new ReceptionStatistics(90000);
        stats.received(1, 0, 0);
        stats.senderReport(0x0123_4567_89AB_CDEFL, 1000 * MS);
        RtcpPacket.ReportBlock block = stats.reportBlock(1, 1500 * MS);
        assertThat(block.lastSr()).isEqualTo(0x4567_89ABL);
        assertThat(block.delaySinceLastSr()).isEqualTo(32768); // 0.5 s in 1/65536 s
    }

    @Test
    void senderReportExtrapolatesTheRtpClockAndRoundTrips() {
        SenderStatistics stats = new SenderStatistics(90000);
        assertThat(stats.senderReport(7, 0, 0)).isNull();
        stats.sent(1000, 1100, 0);
        stats.sent(4000, 900, 33 * MS);
        RtcpPacket.SenderReport sr = stats.senderReport(7, 1_700_000_000_500L, 133 * MS);
        assertThat(sr.rtpTimestamp()).isEqualTo(4000 + 9000); // 100 ms later at 90 kHz
        assertThat(sr.packetCount()).isEqualTo(2);
        assertThat(sr.octetCount()).isEqualTo(2000);
        assertThat(sr.ntpTimestamp() >>> 32).isEqualTo(1_700_000_000L + 2_208_988_800L);
        assertThat(sr.ntpTimestamp() & 0xFFFFFFFFL).isEqualTo(1L << 31); // half a second
        byte[] wire = RtcpEncoder.encode(sr);
        assertThat(new RtcpParser().parse(wire, 0, wire.length)).contains(List.of(sr));
    }

    @Test
    void reportTimerFiresOncePerIntervalAndSkipsMissedOnes() {
        ReportTimer timer = new ReportTimer(Duration.ofSeconds(1));
        assertThat(timer.due(0)).isFalse();
        assertThat(timer.due(999 * MS)).isFalse();
        assertThat(timer.due(1000 * MS)).isTrue();
        assertThat(timer.due(1001 * MS)).isFalse();
        assertThat(timer.due(5000 * MS)).isTrue();
        assertThat(timer.due(5500 * MS)).isFalse();
        assertThat(timer.due(6000 * MS)).isTrue();
    }
}
