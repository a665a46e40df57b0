package se.portvakt.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class JoinLogTest {

    @Test
    void summarisesTheSetupsAndKeepsTheFirstFailure() {
        JoinLog log = new JoinLog();
        for (int ms = 1; ms <= 100; ms++) {
            log.connected(ms * 1_000_000L);
        }
        log.failed("s7", new IOException("handshake timed out"));
        log.failed("s9", new IOException("later"));

        JoinLog.Summary summary = log.summary();

        assertThat(summary.connected()).isEqualTo(100);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.firstFailure()).isEqualTo("s7: java.io.IOException: handshake timed out");
        assertThat(summary.p50Millis()).isEqualTo(50);
        assertThat(summary.p99Millis()).isEqualTo(99);
        assertThat(summary.maxMillis()).isEqualTo(100);

        log.clear();
        assertThat(log.summary().connected()).isZero();
        assertThat(log.summary().firstFailure()).isNull();
        assertThat(log.summary().p50Millis()).isNaN();
    }
}
