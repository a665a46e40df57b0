package se.portvakt.sfu.forward;

import java.time.Duration;
import se.portvakt.sfu.bandwidth.EstimatorSettings;
import se.portvakt.sfu.keyframe.KeyframeRequester;
import se.portvakt.sfu.nack.NackSettings;
import se.portvakt.sfu.packetcache.PacketCache;
import se.portvakt.sfu.report.ReportTimer;

/**
 * Per-stream forwarding settings; {@link #DEFAULTS} is the one place for their defaults.
 *
 * @param cacheCapacity     the most packets kept per publisher stream for NACKs (power of two)
 * @param cacheWindow       the history each publisher stream's cache keeps at least, within {@code cacheCapacity}:
 *                          the cache grows with the stream's packet rate (see {@link PacketCache})
 * @param keyframeInterval  minimum time between keyframe requests to one publisher stream
 * @param reportInterval    RR + REMB to publishers and SR to subscribers, each this often
 */
public record StreamSettings(
        int cacheCapacity,
        Duration cacheWindow,
        NackSettings nack,
        Duration keyframeInterval,
        Duration reportInterval,
        EstimatorSettings estimator) {

    public static final StreamSettings DEFAULTS = new StreamSettings(
            PacketCache.DEFAULT_CAPACITY,
            PacketCache.DEFAULT_WINDOW,
            NackSettings.DEFAULTS,
            KeyframeRequester.DEFAULT_INTERVAL,
            ReportTimer.DEFAULT_INTERVAL,
            EstimatorSettings.DEFAULTS);
}
