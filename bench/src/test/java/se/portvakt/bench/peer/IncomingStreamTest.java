package se.portvakt.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.rtcp.RtcpPacket;

class IncomingStreamTest {

    @Test
    void aGapIsNackedOnceAndReportedAsLostUntilRepaired() {
        IncomingStream in = new IncomingStream(0xABCL);
        assertThat(in.received(100, 7, 0)).isEmpty();
        assertThat(in.received(101, 7, 1)).isEmpty();
        assertThat(in.received(104, 7, 4)).containsExactly(102, 103);

        RtcpPacket.ReportBlock report = in.report();
        assertThat(report.cumulativeLost()).isEqualTo(2);
        assertThat(report.fractionLost()).isEqualTo(2 * 256 / 5);
        assertThat(report.highestSequence()).isEqualTo(104);
        assertThat(in.distinct(0, 5)).isEqualTo(3);

        assertThat(in.received(102, 7, 2)).as("a repair reveals no gap").isEmpty();
        assertThat(in.distinct(0, 5)).isEqualTo(4);
        assertThat(in.sourceId()).isEqualTo(7);
    }

    @Test
    void sequenceNumbersWrapIntoTheExtendedHighest() {
        IncomingStream in = new IncomingStream(1);
        in.received(65534, 1, 0);
        in.received(65535, 1, 1);
        assertThat(in.received(1, 1, 3)).isEqualTo(List.of(0));
        assertThat(in.report().highestSequence()).isEqualTo(65536 + 1);
    }
}
