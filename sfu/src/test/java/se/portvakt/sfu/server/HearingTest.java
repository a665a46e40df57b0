package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HearingTest {
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aBrowserNeverHeardIsNotJudged() {
        assertThat(new Hearing().judge(60 * SECOND)).isEmpty();
    }

    @Test
    void sixQuietSecondsLoseThePathOnceAndAPacketBringsItBackOnce() {
        Hearing hearing = new Hearing();
        hearing.heard(SECOND);

        assertThat(hearing.judge(7 * SECOND)).as("six seconds, not more").isEmpty();
        assertThat(hearing.judge(7 * SECOND + 1)).contains(true);
        assertThat(hearing.judge(9 * SECOND)).as("said once").isEmpty();
        hearing.heard(10 * SECOND);
        assertThat(hearing.judge(10 * SECOND)).contains(false);
        assertThat(hearing.judge(11 * SECOND)).isEmpty();
    }
}
