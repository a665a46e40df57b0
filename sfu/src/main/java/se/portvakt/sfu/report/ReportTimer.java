package se.portvakt.sfu.report;

import java.time.Duration;

/**
 * Says when the next periodic RTCP report is due. WebRTC peers expect reports about once a
 * second (Chrome's own interval); RFC 3550's randomised interval matters for large multicast
 * groups, not for a point-to-point leg.
 *
 * <p>Times are nanoseconds from the caller's clock. Not thread-safe.
 */
public final class ReportTimer {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final long intervalNanos;
    private boolean started;
    private long next;

    public ReportTimer(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** True at most once per interval; the first call only starts the timer. */
    public boolean due(long now) {
        if (!started) {
            started = true;
            next = now + intervalNanos;
            return false;
        }
        if (now - next >= 0) {
            // Skip missed periods rather than bursting after a stall.
            next = now + intervalNanos;
            return true;
        }
        return false;
    }
}
