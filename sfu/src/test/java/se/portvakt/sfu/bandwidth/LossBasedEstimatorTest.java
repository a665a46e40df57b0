package se.portvakt.sfu.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LossBasedEstimatorTest {
    static final long SECOND = 1_000_000_000L;

    /** name, loss each second, seconds, expected bit/s (within 1 %). */
    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("no loss grows 8 % a second", 0.0, 1, 324_000),
                Arguments.of("no loss, 10 s", 0.0, 10, 647_677),
                Arguments.of("1.9 % loss still grows", 0.019, 1, 324_000),
                Arguments.of("no loss for a minute is clamped to the max", 0.0, 60, 2_500_000),
                Arguments.of("5 % loss holds", 0.05, 10, 300_000),
                Arguments.of("exactly 10 % holds", 0.10, 3, 300_000),
                Arguments.of("20 % loss cuts 10 % a report", 0.20, 1, 270_000),
                Arguments.of("20 % loss, 3 reports", 0.20, 3, 218_700),
                Arguments.of("total loss halves until the floor", 1.0, 10, 50_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void estimate(String name, double loss, int seconds, long expected) {
        LossBasedEstimator estimator = new LossBasedEstimator(EstimatorSettings.DEFAULTS);
        estimator.update(0.05, 0); // the first report starts the clock; 5 % neither grows nor cuts
        long rate = 0;
        for (int s = 1; s <= seconds; s++) {
            rate = estimator.update(loss, s * SECOND);
        }
        assertThat(rate).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void recoversAfterACongestionEpisode() {
        LossBasedEstimator estimator = new LossBasedEstimator(EstimatorSettings.DEFAULTS);
        long t = 0;
        estimator.update(0, t);
        for (int i = 0; i < 20; i++) { // 1.4 Mbit/s, still under the max
            estimator.update(0, t += SECOND);
        }
        long before = estimator.bitrate();
        estimator.update(0.3, t += SECOND);
        assertThat(estimator.bitrate()).isEqualTo(Math.round(before * 0.85));
        for (int i = 0; i < 5; i++) {
            estimator.update(0, t += SECOND);
        }
        assertThat(estimator.bitrate()).isGreaterThan(Math.round(before * 0.85 * 1.4));
    }

    @Test
    void growthScalesWithElapsedTimeNotReportCount() {
        LossBasedEstimator fast = new LossBasedEstimator(EstimatorSettings.DEFAULTS);
        LossBasedEstimator slow = new LossBasedEstimator(EstimatorSettings.DEFAULTS);
        fast.update(0, 0);
        slow.update(0, 0);
        for (int i = 1; i <= 20; i++) {
            fast.update(0, i * SECOND / 4);
        }
        slow.update(0, 5 * SECOND);
        assertThat(fast.bitrate()).isCloseTo(slow.bitrate(), org.assertj.core.data.Offset.offset(2L));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new EstimatorSettings(10, 100, 1000, 1.08, 0.02, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EstimatorSettings(100, 10, 1000, 0.9, 0.02, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
