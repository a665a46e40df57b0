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
    void startsAtItsMaximumAndFallsToWhatGotThroughOnceTheLossIsConfirmed() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        assertThat(e.report(0, 0, 0)).isEqualTo(20_000_000);
        // 1.5 Mbit/s sent into a 300 kbit/s link: 80 % lost
        assertThat(e.report(0.8, second(1_500_000), S))
                .as("one lossy report holds")
                .isEqualTo(20_000_000);
        long estimate = e.report(0.8, 2 * second(1_500_000), 2 * S);
        assertThat(estimate).as("1.5 Mbit/s x 0.2 x 0.9").isEqualTo(270_000);
        assertThat(e.cuts()).isEqualTo(1);
    }

    @Test
    void lossWhileLittleIsSentKeepsOnePictureUntilItPersists() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        long sent = 0;
        e.report(0, sent, 0);
        long t = 0;
        // a busy receiver loses 20 % of the 80 kbit/s it gets while the streams start
        e.report(0.2, sent += second(80_000), t += S);
        assertThat(e.report(0.2, sent += second(80_000), t += S))
                .as("confirmed, but what got through (58 kbit/s) is no measure of the link")
                .isEqualTo(DownlinkEstimator.ONE_PICTURE);
        for (int i = 0; i < 8; i++) {
            e.report(0, sent += second(200_000), t += S);
        }
        assertThat(e.bitrate())
                .as("no ceiling from a rate below one picture: grown 8 %/s for 8 s")
                .isGreaterThan(360_000);
    }

    @Test
    void lossThatPersistsGoesBelowOnePicture() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        long sent = 0;
        long t = 0;
        e.report(0, sent, t);
        e.report(0.5, sent += second(200_000), t += S);
        e.report(0.5, sent += second(200_000), t += S); // cut, to one picture
        assertThat(e.bitrate()).isEqualTo(DownlinkEstimator.ONE_PICTURE);
        e.report(0.5, sent += second(200_000), t += S); // 1 s after the cut: what was sent before it took effect
        e.report(0.5, sent += second(200_000), t += S); // the third that counts: still one picture
        assertThat(e.bitrate()).isEqualTo(DownlinkEstimator.ONE_PICTURE);
        e.report(0.5, sent += second(200_000), t += S); // settling again
        e.report(0.5, sent += second(200_000), t += S); // the fourth that counts
        assertThat(e.bitrate()).as("200 kbit/s x 0.5 x 0.9").isEqualTo(90_000);
    }

    @Test
    void lossReportedWhileACutTakesEffectCountsForNothing() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        long sent = 0;
        long t = 0;
        e.report(0, sent, t);
        e.report(0.8, sent += second(1_500_000), t += S);
        e.report(0.8, sent += second(1_500_000), t += S); // 270 kbit/s
        long ms = S / 1000;
        e.report(0.6, sent += second(600_000) / 2, t += 500 * ms); // the top layer still queued before the switch
        e.report(0.6, sent += second(600_000) / 2, t += 500 * ms);
        assertThat(e.bitrate())
                .as("no second cut from reports on what was sent before")
                .isEqualTo(270_000);
    }

    @Test
    void growsUnderLowLossButNoHigherThanWhatGotThroughWhileTheBackOffHolds() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        long sent = 0;
        e.report(0, sent, 0);
        e.report(0.5, sent += second(1_000_000), S);
        e.report(0.5, sent += second(1_000_000), 2 * S); // 500 kbit/s got through: 450 kbit/s, ceiling 500 for 15 s
        assertThat(e.bitrate()).isEqualTo(450_000);
        long t = 2 * S;
        for (int i = 0; i < 14; i++) {
            e.report(0, sent += second(400_000), t += S);
        }
        assertThat(e.bitrate())
                .as("at 16 s: grown, but only to what got through")
                .isEqualTo(500_000);
        e.report(0, sent += second(400_000), t += S); // 15 s after the cut the back-off is over
        e.report(0, sent += 10 * second(400_000), t += 10 * S);
        assertThat(e.bitrate()).isGreaterThan(1_000_000);
    }

    @Test
    void middlingLossHoldsAndReportsTooCloseTogetherCountOnce() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 2_000_000);
        e.report(0, 0, 0);
        e.report(0.5, second(1_000_000), S);
        e.report(0.5, 2 * second(1_000_000), 2 * S);
        long held = e.bitrate();
        assertThat(e.report(0.05, 2 * second(1_000_000) + second(500_000), 3 * S))
                .isEqualTo(held);
        e.report(0.9, 2 * second(1_000_000) + second(600_000), 4 * S);
        assertThat(e.report(0.9, 2 * second(1_000_000) + second(700_000), 4 * S + 100_000_000L))
                .as("a lossy report after a middling one only starts a new count; 100 ms later: ignored")
                .isEqualTo(held);
    }

    @Test
    void aClimbThatFailsAgainSoonDoublesTheBackOff() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        long sent = 0;
        long t = 0;
        e.report(0, sent, t);
        e.report(0.5, sent += second(1_000_000), t += S);
        e.report(0.5, sent += second(1_000_000), t += S); // back-off until 17 s
        for (int i = 0; i < 20; i++) {
            e.report(0, sent += second(400_000), t += S); // grows again after 17 s
        }
        e.report(0.5, sent += second(1_000_000), t += S);
        e.report(0.5, sent += second(1_000_000), t += S); // at 24 s, within 45 s of the first: 30 s, until 54 s
        long cut = e.bitrate();
        for (int i = 0; i < 25; i++) {
            e.report(0, sent += second(400_000), t += S);
        }
        assertThat(e.bitrate())
                .as("at 49 s still no higher than what got through")
                .isEqualTo(cut * 10 / 9);
        assertThat(e.cuts()).isEqualTo(2);
    }

    @Test
    void aClimbAboveTheRateThatFailedIsCutAtItsFirstLossyReport() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        long sent = 0;
        long t = 0;
        e.report(0, sent, t);
        e.report(0.5, sent += second(1_000_000), t += S);
        e.report(0.5, sent += second(1_000_000), t += S); // 450 kbit/s, 500 kbit/s got through: back-off until 17 s
        for (int i = 0; i < 20; i++) {
            e.report(0, sent += second(400_000), t += S);
        }
        assertThat(e.bitrate()).as("at 22 s, climbing past 500 kbit/s").isGreaterThan(500_000);
        e.report(0.5, sent += second(1_000_000), t += S);
        assertThat(e.cuts()).as("no second report waited for").isEqualTo(2);
        assertThat(e.bitrate()).isEqualTo(450_000);
    }

    @Test
    void furtherLossInTheSameEpisodeCutsAgainWithoutLengtheningTheBackOff() {
        DownlinkEstimator e = new DownlinkEstimator(50_000, 20_000_000);
        long sent = 0;
        long t = 0;
        e.report(0, sent, t);
        for (int i = 0; i < 3; i++) {
            e.report(0.5, sent += second(1_000_000), t += S); // back-off until 17 s, from the first cut
        }
        for (int i = 0; i < 17; i++) {
            e.report(0, sent += second(400_000), t += S);
        }
        assertThat(e.bitrate()).as("at 20 s, 3 s past the back-off: growing").isGreaterThan(500_000);
    }
}
