package se.portvakt.sfu.forward;

/**
 * How much one receiver's retransmissions may add to what its link carries: a token bucket of bytes, refilled at a
 * {@link #SHARE} of the receiver's downlink estimate and holding at most {@link #BURST_NANOS} of that refill. A link that
 * is losing packets because it is full would lose the resent ones too, and each resend would push out a new packet:
 * past the budget a NACK is not answered, and the receiver asks for a keyframe when it gives up.
 *
 * <p>Times are nanoseconds from the caller's clock. Not thread-safe: one per receiver, used under its endpoint's lock.
 */
public final class RepairBudget {
    /** The part of the downlink estimate retransmissions may take. */
    public static final double SHARE = 0.25;
    /** The most the bucket holds, in time of refill: a burst of loss is repaired at once. */
    public static final long BURST_NANOS = 500_000_000L;

    private double tokens = -1;
    private long lastRefill;

    /**
     * Takes {@code bytes} from the budget if it holds them.
     *
     * @param downlink the receiver's downlink estimate now, bit/s
     * @return whether the retransmission may go
     */
    public boolean take(int bytes, long downlink, long now) {
        double perNano = downlink * SHARE / 8 / 1e9;
        double full = perNano * BURST_NANOS;
        if (tokens < 0) {
            tokens = full;
        } else {
            tokens = Math.min(full, tokens + perNano * Math.max(0, now - lastRefill));
        }
        lastRefill = now;
        if (tokens < bytes) {
            return false;
        }
        tokens -= bytes;
        return true;
    }
}
