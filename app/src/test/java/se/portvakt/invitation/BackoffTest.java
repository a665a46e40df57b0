package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    @ParameterizedTest(name = "after {0} failed attempts wait {1}")
    @CsvSource({
        "1, PT30S",
        "2, PT1M",
        "3, PT2M",
        "4, PT4M",
        "5, PT8M",
        "6, PT16M",
        "7, PT32M",
        "8, PT1H",
        "9, PT1H",
        "10, PT1H",
        "1000, PT1H",
        "0, PT30S"
    })
    void waitsDoubleFromThirtySecondsUpToAnHour(int failedAttempts, Duration wait) {
        assertThat(Backoff.DEFAULT.after(failedAttempts)).isEqualTo(wait);
    }
}
