package se.portvakt.sfu.bandwidth;

/**
 * Bounds and steps of the loss-based estimate, in bits per second.
 *
 * @param start          first estimate; Chrome starts near 300 kbit/s on its own
 * @param min            floor, so one lossy burst cannot starve a stream for good
 * @param max            ceiling offered to a publisher (the meeting's budget per video stream)
 * @param increasePerSecond growth factor per second under low loss (1.08: +8 %/s, what Chrome does)
 * @param lowLoss        below this fraction lost the estimate grows
 * @param highLoss       above this it shrinks by {@code 1 - loss / 2}; in between it holds
 */
public record EstimatorSettings(
        long start, long min, long max, double increasePerSecond, double lowLoss, double highLoss) {

    public static final EstimatorSettings DEFAULTS =
            new EstimatorSettings(300_000, 50_000, 2_500_000, 1.08, 0.02, 0.10);

    public EstimatorSettings {
        if (min <= 0 || min > start || start > max || increasePerSecond < 1 || lowLoss > highLoss) {
            throw new IllegalArgumentException("invalid estimator settings");
        }
    }
}
