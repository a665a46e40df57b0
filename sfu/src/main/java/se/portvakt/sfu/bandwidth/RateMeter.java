package se.portvakt.sfu.bandwidth;

/**
 * Bits per second over the last complete one-second window. Allocates nothing; not thread-safe (used under the
 * owner's lock).
 */
public final class RateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private boolean started;
    private long windowStart;
    private long windowBytes;
    private long rate;

    public void add(int bytes, long now) {
        roll(now);
        windowBytes += bytes;
    }

    /** The rate of the last complete window, bit/s; 0 once two windows passed without a byte. */
    public long bitsPerSecond(long now) {
        roll(now);
        return rate;
    }

    private void roll(long now) {
        if (!started) {
            started = true;
            windowStart = now;
            return;
        }
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            rate = elapsed >= 2 * WINDOW_NANOS ? 0 : windowBytes * 8 * 1_000_000_000L / elapsed;
            windowStart = now;
            windowBytes = 0;
        }
    }
}
