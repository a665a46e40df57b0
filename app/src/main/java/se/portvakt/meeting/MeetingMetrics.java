package se.portvakt.meeting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.sfu.Sfu;

/**
 * Meetings running (from the database: all nodes), signaling sockets open and the SFU's streams per meeting (this
 * node's own), beside the SFU's counters in {@link SfuMetrics}. Streams per meeting is a summary over the
 * meetings (count, total, largest), not a label per meeting, which would grow without bound.
 */
@Component
class MeetingMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final LocalSockets sockets;
    private final Sfu sfu;

    MeetingMetrics(JdbcClient jdbc, LocalSockets sockets, Sfu sfu) {
        this.jdbc = jdbc;
        this.sockets = sockets;
        this.sfu = sfu;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("portvakt.meetings.running", this, MeetingMetrics::running)
                .description("meetings started and not yet ended").register(registry);
        Gauge.builder("portvakt.sockets.open", sockets, LocalSockets::count)
                .description("signaling WebSockets open on this node").register(registry);
        Gauge.builder("portvakt.sfu.streams", this, m -> m.streamsPerMeeting()[0])
                .description("RTP streams (in and out) of this node's SFU, all meetings").register(registry);
        Gauge.builder("portvakt.sfu.streams.per.meeting.max", this, m -> m.streamsPerMeeting()[1])
                .description("RTP streams of the busiest meeting on this node's SFU").register(registry);
    }

    /** {total, largest} over the running meetings that have media on this node. */
    private long[] streamsPerMeeting() {
        long total = 0;
        long largest = 0;
        for (UUID meeting : jdbc.sql("select meeting_id from meeting_session where started_at is not null "
                + "and ended_at is null").query(UUID.class).list()) {
            int streams;
            try {
                streams = sfu.stats(meeting.toString()).streams().size();
            } catch (IllegalArgumentException noMediaHere) {
                continue;
            }
            total += streams;
            largest = Math.max(largest, streams);
        }
        return new long[] {total, largest};
    }

    private double running() {
        return jdbc.sql("select count(*) from meeting_session where started_at is not null and ended_at is null")
                .query(Long.class).single();
    }
}
