package se.portvakt.invitation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;

/**
 * The outbox as metrics, read from the database so every node reports the same numbers: messages waiting to leave,
 * messages given up on (shown to the host), and how long the oldest waiting one has waited (a stuck SMTP server).
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("portvakt.outbox.messages", this, m -> m.count("PENDING", "SENDING"))
                .tag("status", "pending")
                .description("messages waiting to be sent, retried ones included")
                .register(registry);
        Gauge.builder("portvakt.outbox.messages", this, m -> m.count("FAILED", "FAILED"))
                .tag("status", "failed")
                .description("messages given up on after the last attempt")
                .register(registry);
        Gauge.builder("portvakt.outbox.oldest.pending.age", this, OutboxMetrics::oldestPendingSeconds)
                .baseUnit("seconds")
                .description("how long the oldest unsent message has waited")
                .register(registry);
    }

    private double count(String status, String orStatus) {
        return jdbc.sql("select count(*) from outbox_message where status in (?, ?)")
                .params(status, orStatus)
                .query(Long.class)
                .single();
    }

    private double oldestPendingSeconds() {
        Instant oldest = jdbc.sql("select min(created_at) from outbox_message where status in ('PENDING', 'SENDING')")
                .query((rs, row) -> SqlTime.read(rs, 1))
                .single();
        return oldest == null ? 0 : Duration.between(oldest, clock.instant()).toMillis() / 1000.0;
    }
}
