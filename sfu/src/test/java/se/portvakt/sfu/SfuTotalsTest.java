package se.portvakt.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.SfuTotals.MeetingStreams;
import se.portvakt.sfu.stats.MeetingStats;
import se.portvakt.sfu.stats.StreamStats;
import se.portvakt.sfu.stats.StreamStats.Direction;

class SfuTotalsTest {

    static StreamStats stream(String participant, long ssrc, Direction direction, long packets) {
        // an incoming stream NACKed a tenth of its packets upstream and half of those were repaired
        long nacks = direction == Direction.IN ? packets / 10 : packets / 5;
        long repaired = direction == Direction.IN ? nacks / 2 : 0;
        return new StreamStats(
                participant,
                ssrc,
                "video",
                direction,
                packets,
                packets * 1000,
                0,
                nacks,
                0,
                0,
                0,
                0,
                0,
                0,
                repaired,
                0,
                0);
    }

    @Test
    void eachLiveMeetingsStreamsAreCountedInAndOut() {
        MeetingStats pair = new MeetingStats(
                "a",
                Instant.EPOCH,
                2,
                List.of(
                        stream("anna", 1, Direction.IN, 10), stream("bo", 2, Direction.IN, 20),
                        stream("anna", 3, Direction.OUT, 19), stream("bo", 4, Direction.OUT, 9)));
        MeetingStats alone = new MeetingStats("b", Instant.EPOCH, 1, List.of(stream("cecilia", 5, Direction.IN, 5)));

        SfuTotals totals = new SfuTotals.Ended().with(List.of(pair, alone), 0);

        assertThat(totals.streamsPerMeeting()).containsExactly(new MeetingStreams(2, 2), new MeetingStreams(1, 0));
        assertThat(totals.meetings()).isEqualTo(2);
        assertThat(totals.participants()).isEqualTo(3);
        assertThat(totals.packetsIn()).isEqualTo(35);
        assertThat(totals.packetsOut()).isEqualTo(28);
        assertThat(totals.nacksUpstream())
                .as("the IN streams' NACKs: 1 + 2 + 0")
                .isEqualTo(3);
        assertThat(totals.repairedUpstream()).isEqualTo(1);
        assertThat(totals.nacksOut()).as("the OUT streams' NACKs: 3 + 1").isEqualTo(4);
    }
}
