package se.portvakt.sfu.bandwidth;

/**
 * One receiver's downlink estimate, from the loss its reception reports give and the rate we sent it (loss plus
 * acknowledged rate; the SFU sends no transport-wide numbers downstream, so there is no delay signal).
 *
 * <p>Rule, per report (at most one each {@link #MIN_INTERVAL_NANOS}):
 * <ul>
 *   <li>loss over 10 % in {@link #CONFIRMING_REPORTS} reports in a row (in one, while climbing above the rate
 *       that failed last): the estimate falls to what got through,
 *       {@code sent * (1 - loss) * 0.9}, but not below {@link #ONE_PICTURE} until the loss has lasted
 *       {@link #PERSISTENT_REPORTS} reports; lossy reports within {@link #SETTLE_NANOS} of a cut count for nothing.
 *       One lossy report alone holds: a busy receiver or a burst on the way
 *       loses packets too, and on a thin rate what got through says little about what the link carries (a cut
 *       from a report taken while little was sent left meetings without pictures for half a minute);
 *   <li>the first cut of an episode of loss (when at least {@link #ONE_PICTURE} was sent) starts a back-off: for
 *       15 s the estimate grows no higher than what got through, so a link is not flooded again and again; an
 *       episode within three back-offs of the last one (a climb that failed again) doubles it, up to 64 s;
 *   <li>loss under 2 %: the estimate grows 8 % per second (by elapsed time, not report count), to at most
 *       the ceiling while the back-off holds;
 *   <li>in between it holds.
 * </ul>
 * It starts at its maximum: a new receiver is given what it asks for, and its first reports bring it down if its
 * link cannot carry it (sending is the probe). Clamped to [min, max]. Times are nanoseconds; not thread-safe.
 */
public final class DownlinkEstimator {
    public static final long MIN_INTERVAL_NANOS = 250_000_000L;
    public static final long DEFAULT_MIN = 50_000;
    public static final long DEFAULT_MAX = 20_000_000;
    /** The lowest camera layer (150 kbit/s) with the audio reserve beside it: a cut stops here at first. */
    public static final long ONE_PICTURE = 200_000;
    /** Lossy reports in a row before the estimate is cut. */
    public static final int CONFIRMING_REPORTS = 2;
    /** Lossy reports in a row before a cut may go below {@link #ONE_PICTURE} (audio only). */
    public static final int PERSISTENT_REPORTS = 4;
    /**
     * After a cut, reports count for nothing this long: they describe what was sent before the cut took effect (a
     * copy moves down at the lower layer's next keyframe, and a full queue drains first). Counting them cut a guest on
     * a 300 kbit/s line to audio only within a second of the first cut.
     */
    public static final long SETTLE_NANOS = 1_500_000_000L;

    private static final double HIGH_LOSS = 0.10;
    private static final double LOW_LOSS = 0.02;
    private static final double GROWTH_PER_SECOND = 1.08;
    private static final long FIRST_BACKOFF_NANOS = 15_000_000_000L;
    private static final long MAX_BACKOFF_NANOS = 64_000_000_000L;

    private final long min;
    private final long max;
    private double estimate;
    private boolean started;
    private long lastUpdate;
    private long lastBytes;
    private long ceiling = Long.MAX_VALUE;
    private long ceilingUntil;
    private long lastFailure = Long.MIN_VALUE;
    private long settleUntil;
    private long backoff = FIRST_BACKOFF_NANOS;
    private long cuts;
    private int lossyReports;

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
            ceilingUntil = now;
            settleUntil = now;
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
        // above a rate that failed before: the loss is the climb's own, and every report of it costs the receiver
        // freezes (a top layer's keyframe overflowing a thin link), so one report is enough to go back down
        boolean climbing = lastFailure != Long.MIN_VALUE && !ceilingHolds && estimate > ceiling;
        if (lossFraction > HIGH_LOSS) {
            if (now - settleUntil < 0) {
                return bitrate(); // loss from before the last cut took effect
            }
            lossyReports++;
            int confirming = climbing ? 1 : CONFIRMING_REPORTS;
            if (lossyReports >= confirming) {
                settleUntil = now + SETTLE_NANOS;
                double gotThrough = sentRate * (1 - lossFraction);
                double floor = lossyReports >= PERSISTENT_REPORTS ? min : Math.min(estimate, ONE_PICTURE);
                estimate = Math.min(estimate, Math.max(floor, 0.9 * gotThrough));
                if (sentRate >= ONE_PICTURE && lossyReports == confirming) {
                    // one back-off per episode of loss; an episode soon after the last (a failed climb) doubles it
                    boolean again = lastFailure != Long.MIN_VALUE && now - lastFailure < 3 * backoff;
                    backoff = again ? Math.min(MAX_BACKOFF_NANOS, backoff * 2) : FIRST_BACKOFF_NANOS;
                    lastFailure = now;
                    ceiling = Math.max(Math.round(gotThrough), bitrate());
                    ceilingUntil = now + backoff;
                } else if (ceilingHolds) {
                    ceiling = Math.max(Math.min(ceiling, Math.round(gotThrough)), bitrate());
                }
                cuts++;
            }
        } else {
            lossyReports = 0;
            if (lossFraction < LOW_LOSS) {
                double grown = estimate * Math.pow(GROWTH_PER_SECOND, elapsed / 1e9);
                estimate = ceilingHolds ? Math.max(estimate, Math.min(grown, ceiling)) : grown;
            }
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
