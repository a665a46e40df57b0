package se.portvakt.bench.peer;

/**
 * Send-to-receive delays: 10 us buckets up to 100 ms, then 1 ms buckets up to 10 s (later ones fall in the last).
 * One per receive thread; merged for reading.
 */
public final class DelayHistogram {
    private static final int FINE = 10_000;
    private static final int COARSE = 9_900;
    private final long[] counts = new long[FINE + COARSE + 1];
    private long total;

    void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        int bucket = micros < 100_000
                ? (int) (micros / 10)
                : (int) Math.min(FINE + COARSE, FINE + (micros - 100_000) / 1000);
        counts[bucket]++;
        total++;
    }

    public synchronized long count() {
        return total;
    }

    synchronized void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    /** Adds another histogram's counts into this one. */
    synchronized void add(DelayHistogram other) {
        synchronized (other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            total += other.total;
        }
    }

    synchronized void recordSynchronized(long nanos) {
        record(nanos);
    }

    /** The delay below which {@code quantile} of the samples fall, in milliseconds (bucket upper bound); NaN if empty. */
    public synchronized double quantileMillis(double quantile) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i < FINE ? (i + 1) * 0.01 : 100.0 + (i - FINE + 1);
            }
        }
        return 10_000.0;
    }
}
