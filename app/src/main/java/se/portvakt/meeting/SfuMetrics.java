package se.portvakt.meeting;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.SfuTotals.MeetingStreams;

/**
 * The SFU's counters as metrics (Prometheus at /actuator/prometheus): traffic, loss and repair, keyframe requests,
 * how many meetings and participants have media now, and streams per meeting. Per-stream numbers stay in the SFU's
 * stats, not here: a label per meeting or stream would grow without bound. Streams per meeting are therefore told
 * as the largest meeting's count and as how many meetings have at most 2, 4, ... streams, a gauge histogram:
 * {@code portvakt_sfu_meetings_by_streams{direction="in",streams_at_most="4"}} (not {@code le}: Prometheus keeps
 * that label for real histograms).
 */
@Component
class SfuMetrics implements MeterBinder {

    /** Upper bounds of the streams-per-meeting buckets: in, a meeting of 8 with camera and microphone has 16. */
    static final List<Integer> STREAM_BUCKETS = List.of(2, 4, 8, 16, 32, 64, 128, 256);

    /** One scrape reads a dozen meters: they share one reading of the SFU, at most a second old. */
    private static final long READING_NANOS = 1_000_000_000L;

    private final Sfu sfu;
    private SfuTotals reading;
    private long readAt;

    SfuMetrics(Sfu sfu) {
        this.sfu = sfu;
    }

    private synchronized SfuTotals totals() {
        long now = System.nanoTime();
        if (reading == null || now - readAt > READING_NANOS) {
            reading = sfu.totals();
            readAt = now;
        }
        return reading;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(
                registry,
                "portvakt.sfu.packets",
                "direction",
                "in",
                "RTP packets received from publishers",
                SfuTotals::packetsIn);
        counter(
                registry,
                "portvakt.sfu.packets",
                "direction",
                "out",
                "RTP packets sent to subscribers",
                SfuTotals::packetsOut);
        counter(registry, "portvakt.sfu.bytes", "direction", "in", "RTP bytes received", SfuTotals::bytesIn);
        counter(registry, "portvakt.sfu.bytes", "direction", "out", "RTP bytes sent", SfuTotals::bytesOut);
        counter(
                registry,
                "portvakt.sfu.lost",
                null,
                null,
                "packets publishers' streams lost on the way in",
                SfuTotals::lostIn);
        counter(
                registry,
                "portvakt.sfu.nacks",
                null,
                null,
                "sequence numbers subscribers asked again",
                SfuTotals::nacksOut);
        counter(
                registry,
                "portvakt.sfu.retransmitted",
                null,
                null,
                "packets resent from the cache",
                SfuTotals::retransmitted);
        counter(
                registry,
                "portvakt.sfu.upstream.nacks",
                null,
                null,
                "sequence numbers the SFU asked publishers again",
                SfuTotals::nacksUpstream);
        counter(
                registry,
                "portvakt.sfu.upstream.repaired",
                null,
                null,
                "publishers' retransmissions that filled a gap",
                SfuTotals::repairedUpstream);
        counter(
                registry,
                "portvakt.sfu.keyframe.requests",
                null,
                null,
                "PLI/FIR sent to publishers",
                SfuTotals::keyframeRequestsIn);
        counter(
                registry,
                "portvakt.sfu.dropped",
                "reason",
                "unroutable",
                "packets of a codec the subscriber lacks",
                SfuTotals::unroutable);
        counter(
                registry,
                "portvakt.sfu.dropped",
                "reason",
                "unknown-source",
                "datagrams from unnominated addresses",
                SfuTotals::unknownSource);
        Gauge.builder("portvakt.sfu.meetings", this, m -> m.totals().meetings())
                .description("meetings with media now")
                .register(registry);
        Gauge.builder("portvakt.sfu.participants", this, m -> m.totals().participants())
                .description("participants with media now")
                .register(registry);
        streamsPerMeeting(registry, "in", MeetingStreams::in);
        streamsPerMeeting(registry, "out", MeetingStreams::out);
    }

    private void streamsPerMeeting(MeterRegistry registry, String direction, ToIntFunction<MeetingStreams> count) {
        Gauge.builder(
                        "portvakt.sfu.streams",
                        this,
                        m -> m.totals().streamsPerMeeting().stream()
                                .mapToInt(count)
                                .sum())
                .description("streams now: in from publishers, out to subscribers")
                .tag("direction", direction)
                .register(registry);
        Gauge.builder(
                        "portvakt.sfu.meeting.streams.max",
                        this,
                        m -> m.totals().streamsPerMeeting().stream()
                                .mapToInt(count)
                                .max()
                                .orElse(0))
                .description("the streams of the meeting with the most now")
                .tag("direction", direction)
                .register(registry);
        for (int bound : STREAM_BUCKETS) {
            Gauge.builder(
                            "portvakt.sfu.meetings.by.streams",
                            this,
                            m -> m.totals().streamsPerMeeting().stream()
                                    .filter(s -> count.applyAsInt(s) <= bound)
                                    .count())
                    .description("meetings with media now that have at most streams_at_most streams")
                    .tag("direction", direction)
                    .tag("streams_at_most", String.valueOf(bound))
                    .register(registry);
        }
        Gauge.builder(
                        "portvakt.sfu.meetings.by.streams",
                        this,
                        m -> m.totals().streamsPerMeeting().size())
                .description("meetings with media now that have at most streams_at_most streams")
                .tag("direction", direction)
                .tag("streams_at_most", "any")
                .register(registry);
    }

    private void counter(
            MeterRegistry registry,
            String name,
            String tag,
            String value,
            String description,
            ToDoubleFunction<SfuTotals> field) {
        FunctionCounter.Builder<SfuMetrics> builder = FunctionCounter.builder(
                        name, this, metrics -> field.applyAsDouble(metrics.totals()))
                .description(description);
        if (tag != null) {
            builder.tag(tag, value);
        }
        builder.register(registry);
    }
}
