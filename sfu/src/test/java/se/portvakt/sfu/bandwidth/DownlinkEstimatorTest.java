package se.portvakt.sfu.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownlinkEstimatorTest {
    static final long S = 1_000_000_000L;

    /** Bytes for {@code bitsPerSecond} over one second. */
    static long second(long bitsPerSecond) {
        return bitsPerSecond / 8;
    }

    @Test
    void startsAtItsMaximumAndFallsAtOnceToWhatGotThrough() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        assertThat(e.report(0, 0, 0)).isEqualTo(20_000_000);
        // 1.5 Mbit/s sent into a 300 kbit/s link: 80 % lost
        long estimate = e.report(0.8, second(1_500_000), S);
        assertThat(estimate).as("1.5 Mbit/s x 0.2 x 0.9").isEqualTo(270_000);
        assertThat(e.cuts()).isEqualTo(1);
    }

    @Test
    void growsUnderLowLossButNotIntoTheRateThatFailedWhileTheBackOffHolds() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        long sent = 0;
        e.report(0, sent, 0);
        sent += second(1_000_000);
        e.report(0.5, sent, S); // 1 Mbit/s failed: estimate 450 kbit/s, ceiling 1 Mbit/s for 8 s
        assertThat(e.bitrate()).isEqualTo(450_000);
        long t = S;
        for (int i = 0; i < 7; i++) {
            t += S;
            sent += second(400_000);
            e.report(0, sent, t);
        }
        assertThat(e.bitrate()).as("grown 8 %/s but under 0.9 x the ceiling").isBetween(771_000L, 772_000L);
        t += S;
        sent += second(400_000);
        e.report(0, sent, t); // 8 s after the cut the ceiling holds no more
        t += 10 * S;
        sent += 10 * second(400_000);
        assertThat(e.report(0, sent, t)).isGreaterThan(1_000_000);
    }

    @Test
    void middlingLossHoldsAndReportsTooCloseTogetherCountOnce() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 2_000_000);
        e.report(0, 0, 0);
        e.report(0.5, second(1_000_000), S);
        long held = e.bitrate();
        assertThat(e.report(0.05, second(1_500_000), 2 * S)).isEqualTo(held);
        assertThat(e.report(0.9, second(1_600_000), 2 * S + 100_000_000L))
                .as("100 ms later: ignored")
                .isEqualTo(held);
    }

    @Test
    void aSecondFailureWithinTheBackOffDoublesIt() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        long sent = 0;
        e.report(0, sent, 0);
        e.report(0.5, sent += second(1_000_000), S); // ceiling until 9 s
        e.report(0.5, sent += second(1_000_000), 2 * S); // again: ceiling until 2 + 16 = 18 s
        long t = 2 * S;
        for (int i = 0; i < 14; i++) {
            e.report(0, sent += second(200_000), t += S);
        }
        assertThat(e.bitrate()).as("at 16 s still under the ceiling").isLessThanOrEqualTo(900_000);
    }
}
