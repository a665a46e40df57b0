package se.portvakt.sfu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void snapshotIsImmutableAndDetachedFromTheCounters() {
        StreamCounters counters = new StreamCounters("alice", 42, "video", StreamStats.Direction.IN);
        counters.packets.add(3);
        counters.bytes.add(3000);
        counters.bitrateEstimate(500_000);
        StreamStats before = counters.snapshot();
        counters.packets.increment();
        assertThat(before)
                .isEqualTo(new StreamStats(
                        "alice",
                        42,
                        "video",
                        StreamStats.Direction.IN,
                        3,
                        3000,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        500_000,
                        0,
                        0,
                        0,
                        0));
        assertThat(counters.snapshot().packets()).isEqualTo(4);
    }

    @Test
    void countersAddUpAcrossThreadsWithoutLocks() throws Exception {
        StreamCounters counters = new StreamCounters("bob", 1, "audio", StreamStats.Direction.OUT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 100_000; i++) {
                    counters.packets.increment();
                    counters.bytes.add(100);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(counters.snapshot().packets()).isEqualTo(400_000);
        assertThat(counters.snapshot().bytes()).isEqualTo(40_000_000);
    }

    @Test
    void meetingTotalsSumByDirection() {
        MeetingStats meeting = new MeetingStats(
                "m1",
                Instant.EPOCH,
                2,
                List.of(
                        new StreamStats(
                                "a",
                                1,
                                "video",
                                StreamStats.Direction.IN,
                                100,
                                100_000,
                                5,
                                7,
                                0,
                                0,
                                2,
                                0,
                                0,
                                0,
                                4,
                                1,
                                0),
                        new StreamStats(
                                "a", 2, "audio", StreamStats.Direction.IN, 50, 5_000, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        new StreamStats(
                                "b",
                                9,
                                "video",
                                StreamStats.Direction.OUT,
                                98,
                                98_000,
                                0,
                                4,
                                3,
                                1,
                                1,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0)));
        assertThat(meeting.packetsIn()).isEqualTo(150);
        assertThat(meeting.packetsOut()).isEqualTo(98);
        assertThat(meeting.bytesIn()).isEqualTo(105_000);
        assertThat(meeting.bytesOut()).isEqualTo(98_000);
        assertThat(meeting.lostIn()).isEqualTo(6);
        assertThat(meeting.nacksOut()).isEqualTo(4);
        assertThat(meeting.keyframeRequestsIn()).isEqualTo(2);
    }
}
