package se.portvakt.sfu.bandwidth;

/**
 * A receiver-side bitrate estimate for one publisher, driven by the loss the SFU sees, sent
 * upstream as REMB (draft-alvestrand-rmcat-remb-03) so that Chrome's rate neither stays at
 * its start value nor grows without bound.
 *
 * <p>Rule (the one Chrome applies to loss reports, and galene downstream): under
 * {@code lowLoss} grow by {@code increasePerSecond} per elapsed second; over {@code highLoss}
 * multiply by {@code 1 - loss / 2}; in between hold; always clamp to [min, max].
 *
 * <p>Times are nanoseconds from the caller's clock. Not thread-safe: one per publisher,
 * updated by its report timer.
 */
public final class LossBasedEstimator {
    private final EstimatorSettings settings;
    private double bitrate;
    private boolean started;
    private long lastUpdate;

    public LossBasedEstimator(EstimatorSettings settings) {
        this.settings = settings;
        this.bitrate = settings.start();
    }

    /**
     * Folds in the loss measured over the last report interval.
     *
     * @param lossFraction 0 to 1, for example an RR's fraction lost / 256
     * @return the new estimate in bit/s
     */
    public long update(double lossFraction, long now) {
        double elapsedSeconds = started ? Math.max(0, now - lastUpdate) / 1e9 : 0;
        started = true;
        lastUpdate = now;
        if (lossFraction < settings.lowLoss()) {
            bitrate *= Math.pow(settings.increasePerSecond(), elapsedSeconds);
        } else if (lossFraction > settings.highLoss()) {
            bitrate *= 1 - Math.min(1, lossFraction) / 2;
        }
        bitrate = Math.max(settings.min(), Math.min(settings.max(), bitrate));
        return bitrate();
    }

    /** The current estimate in bit/s. */
    public long bitrate() {
        return Math.round(bitrate);
    }
}
