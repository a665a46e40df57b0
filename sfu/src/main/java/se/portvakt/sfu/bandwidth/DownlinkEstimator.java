package se.portvakt.sfu.bandwidth;

/**
 * One receiver's downlink estimate, from the loss its reception reports give and the rate we sent it (loss plus
 * acknowledged rate; the SFU sends no transport-wide numbers downstream, so there is no delay signal).
 *
 * <p>Rule, per report (at most one each {@link #MIN_INTERVAL_NANOS}):
 * <ul>
 *   <li>loss over 10 %: the estimate falls at once to what got through, {@code sent * (1 - loss) * 0.9}, and the
 *       rate that failed ({@code sent}) becomes a ceiling for a back-off time: 8 s, doubled by each failure within
 *       it, at most 64 s; growth never reaches the ceiling while it holds, so a link is not flooded again and again;
 *   <li>loss under 2 %: the estimate grows 8 % per second (by elapsed time, not report count), to at most
 *       {@code 0.9 * ceiling} while a ceiling holds;
 *   <li>in between it holds.
 * </ul>
 * It starts at its maximum: a new receiver is given what it asks for, and its first reports bring it down if its
 * link cannot carry it (sending is the probe). Clamped to [min, max]. Times are nanoseconds; not thread-safe.
 */
public final class DownlinkEstimator {
    public static final long MIN_INTERVAL_NANOS = 250_000_000L;
    public static final long DEFAULT_MIN = 50_000;
    public static final long DEFAULT_MAX = 20_000_000;

    private static final double HIGH_LOSS = 0.10;
    private static final double LOW_LOSS = 0.02;
    private static final double GROWTH_PER_SECOND = 1.08;
    private static final long FIRST_BACKOFF_NANOS = 8_000_000_000L;
    private static final long MAX_BACKOFF_NANOS = 64_000_000_000L;

    private final long min;
    private final long max;
    private double estimate;
    private boolean started;
    private long lastUpdate;
    private long lastBytes;
    private long ceiling = Long.MAX_VALUE;
    private long ceilingUntil;
    private long backoff = FIRST_BACKOFF_NANOS;
    private long cuts;

    public DownlinkEstimator() {
        this(DEFAULT_MIN, DEFAULT_MAX);
    }

    public DownlinkEstimator(long min, long max) {
        this.min = min;
        this.max = max;
        this.estimate = max;
    }

    /**
     * A reception report from the receiver.
     *
     * @param lossFraction the worst fraction lost (0 to 1) among its video streams in this report
     * @param bytesSent    every RTP byte sent to the receiver so far (a running total)
     * @return the estimate, bit/s
     */
    public long report(double lossFraction, long bytesSent, long now) {
        if (!started) {
            started = true;
            lastUpdate = now;
            lastBytes = bytesSent;
            return bitrate();
        }
        long elapsed = now - lastUpdate;
        if (elapsed < MIN_INTERVAL_NANOS) {
            return bitrate();
        }
        double sentRate = (bytesSent - lastBytes) * 8 * 1e9 / elapsed;
        lastUpdate = now;
        lastBytes = bytesSent;
        boolean ceilingHolds = now - ceilingUntil < 0;
        if (lossFraction > HIGH_LOSS) {
            estimate = Math.min(estimate, sentRate * (1 - lossFraction) * 0.9);
            backoff = ceilingHolds ? Math.min(MAX_BACKOFF_NANOS, backoff * 2) : FIRST_BACKOFF_NANOS;
            ceiling = Math.round(sentRate);
            ceilingUntil = now + backoff;
            cuts++;
        } else if (lossFraction < LOW_LOSS) {
            double grown = estimate * Math.pow(GROWTH_PER_SECOND, elapsed / 1e9);
            estimate = ceilingHolds ? Math.max(estimate, Math.min(grown, 0.9 * ceiling)) : grown;
        }
        estimate = Math.max(min, Math.min(max, estimate));
        return bitrate();
    }

    public long bitrate() {
        return Math.round(estimate);
    }

    /** How often loss cut the estimate. */
    public long cuts() {
        return cuts;
    }
}
