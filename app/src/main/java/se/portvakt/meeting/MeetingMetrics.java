package se.portvakt.meeting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Meetings running (from the database: all nodes) and signaling sockets open (this node's own), beside the SFU's
 * counters in {@link SfuMetrics}.
 */
@Component
class MeetingMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final LocalSockets sockets;

    MeetingMetrics(JdbcClient jdbc, LocalSockets sockets) {
        this.jdbc = jdbc;
        this.sockets = sockets;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("portvakt.meetings.running", this, MeetingMetrics::running)
                .description("meetings started and not yet ended")
                .register(registry);
        Gauge.builder("portvakt.sockets.open", sockets, LocalSockets::count)
                .description("signaling WebSockets open on this node")
                .register(registry);
    }

    private double running() {
        return jdbc.sql("select count(*) from meeting_session where started_at is not null and ended_at is null")
                .query(Long.class)
                .single();
    }
}
