package se.portvakt.lobby;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;

/** Guests in the waiting rooms and the longest wait, from the database: the same on every node. */
@Component
class LobbyMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    LobbyMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("portvakt.lobby.waiting", this, LobbyMetrics::waiting)
                .description("guests waiting for a host to admit them")
                .register(registry);
        Gauge.builder("portvakt.lobby.longest.wait", this, LobbyMetrics::longestWaitSeconds)
                .baseUnit("seconds")
                .description("how long the guest who has waited longest has waited")
                .register(registry);
    }

    private double waiting() {
        return jdbc.sql("select count(*) from participant where state = 'WAITING'")
                .query(Long.class)
                .single();
    }

    private double longestWaitSeconds() {
        Instant since = jdbc.sql("select min(waiting_since) from participant where state = 'WAITING'")
                .query((rs, row) -> SqlTime.read(rs, 1))
                .single();
        return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / 1000.0;
    }
}
