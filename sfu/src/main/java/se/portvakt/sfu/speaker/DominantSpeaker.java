package se.portvakt.sfu.speaker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a room's dominant speaker from audio levels. Each participant's loudness
 * ({@code 127 - level}, so 0 is silence) is smoothed with an exponential moving average; a
 * challenger takes over only when its average beats the current speaker's by {@code margin}
 * and at least {@code hold} has passed since the last change, so a cough or a short
 * interjection does not make the layout jump.
 *
 * <p>Times are nanoseconds from the caller's clock. Thread-safety: synchronized, since each
 * room's audio arrives on the loop thread but participants leave from app threads.
 */
public final class DominantSpeaker {
    /** Weight of a new sample in the average; at 50 packets/s, about 0.4 s of memory. */
    static final double ALPHA = 0.05;

    private final double margin;
    private final long holdNanos;
    private final Map<String, Double> loudness = new HashMap<>();
    private String current;
    private long changedAt;
    private boolean changedOnce;

    public DominantSpeaker(double margin, Duration hold) {
        this.margin = margin;
        this.holdNanos = hold.toNanos();
    }

    /** Defaults: 6 units of loudness (about 6 dB) and 1 s between changes. */
    public DominantSpeaker() {
        this(6, Duration.ofSeconds(1));
    }

    /**
     * Folds in one audio level; returns the new dominant speaker if this sample changed it.
     *
     * @param level RFC 6464 level, 0 loudest to 127 silent
     */
    public synchronized Optional<String> observe(String participantId, int level, long now) {
        double sample = 127 - Math.max(0, Math.min(127, level));
        double average = loudness.merge(participantId, sample * ALPHA, (old, s) -> old * (1 - ALPHA) + s);
        if (participantId.equals(current)) {
            return Optional.empty();
        }
        double currentAverage = current == null ? 0 : loudness.getOrDefault(current, 0.0);
        boolean held = changedOnce && now - changedAt < holdNanos;
        if (!held && average > currentAverage + margin) {
            current = participantId;
            changedAt = now;
            changedOnce = true;
            return Optional.of(participantId);
        }
        return Optional.empty();
    }

    /** Forgets a participant who left; the next loud one takes over without the margin. */
    public synchronized void remove(String participantId) {
        loudness.remove(participantId);
        if (participantId.equals(current)) {
            current = null;
        }
    }

    public synchronized Optional<String> current() {
        return Optional.ofNullable(current);
    }
}
