package se.portvakt.meeting;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.SfuTotals;

/**
 * The SFU's counters as metrics (Prometheus at /actuator/prometheus): traffic, loss and repair, keyframe requests,
 * and how many meetings and participants have media now. Per-stream numbers stay in the SFU's stats, not here:
 * a label per meeting or stream would grow without bound.
 */
@Component
class SfuMetrics implements MeterBinder {

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
        counter(registry, "portvakt.sfu.packets", "direction", "in", "RTP packets received from publishers", SfuTotals::packetsIn);
        counter(registry, "portvakt.sfu.packets", "direction", "out", "RTP packets sent to subscribers", SfuTotals::packetsOut);
        counter(registry, "portvakt.sfu.bytes", "direction", "in", "RTP bytes received", SfuTotals::bytesIn);
        counter(registry, "portvakt.sfu.bytes", "direction", "out", "RTP bytes sent", SfuTotals::bytesOut);
        counter(registry, "portvakt.sfu.lost", null, null, "packets publishers' streams lost on the way in", SfuTotals::lostIn);
        counter(registry, "portvakt.sfu.nacks", null, null, "sequence numbers subscribers asked again", SfuTotals::nacksOut);
        counter(registry, "portvakt.sfu.retransmitted", null, null, "packets resent from the cache", SfuTotals::retransmitted);
        counter(registry, "portvakt.sfu.keyframe.requests", null, null, "PLI/FIR sent to publishers",
                SfuTotals::keyframeRequestsIn);
        counter(registry, "portvakt.sfu.dropped", "reason", "unroutable", "packets of a codec the subscriber lacks",
                SfuTotals::unroutable);
        counter(registry, "portvakt.sfu.dropped", "reason", "unknown-source", "datagrams from unnominated addresses",
                SfuTotals::unknownSource);
        Gauge.builder("portvakt.sfu.meetings", this, m -> m.totals().meetings())
                .description("meetings with media now").register(registry);
        Gauge.builder("portvakt.sfu.participants", this, m -> m.totals().participants())
                .description("participants with media now").register(registry);
    }

    private void counter(MeterRegistry registry, String name, String tag, String value, String description,
            ToDoubleFunction<SfuTotals> field) {
        FunctionCounter.Builder<SfuMetrics> builder = FunctionCounter.builder(name, this,
                        metrics -> field.applyAsDouble(metrics.totals()))
                .description(description);
        if (tag != null) {
            builder.tag(tag, value);
        }
        builder.register(registry);
    }
}
