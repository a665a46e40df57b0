package se.portvakt.bench.peer;

/** Exact quantiles of a few thousand measured durations (the admits of a signaling round, the joins of a point). */
public final class Percentiles {
    private Percentiles() {}

    /**
     * The nearest-rank quantile of {@code sortedNanos}, in milliseconds; NaN if there are none.
     *
     * @param quantile 0 to 1 (1 is the largest)
     */
    public static double millis(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int at = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, at))] / 1e6;
    }
}
