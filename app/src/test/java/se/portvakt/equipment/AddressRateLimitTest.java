package se.portvakt.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AddressRateLimitTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anAddressGetsItsTakesPerWindowAndIsToldWhenItMayAgain() {
        HandClock clock = new HandClock();
        AddressRateLimit limit = new AddressRateLimit(2, Duration.ofMinutes(10), clock);

        assertThat(limit.take("192.0.2.1")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(3));
        assertThat(limit.take("192.0.2.1")).isEmpty();
        assertThat(limit.take("192.0.2.1")).contains(Duration.ofMinutes(7));
        assertThat(limit.take("192.0.2.2")).as("another address has its own").isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(7));
        assertThat(limit.take("192.0.2.1")).as("the first take left the window").isEmpty();
        assertThat(limit.take("192.0.2.1")).contains(Duration.ofMinutes(3));
    }
}
