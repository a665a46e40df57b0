package se.portvakt.sfu.speaker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a room's dominant speaker from audio levels. Each participant's loudness
 * ({@code 127 - level}, so 0 is silence) is smoothed with an exponential moving average; a
 * challenger takes over only when its average has beaten the current speaker's by {@code margin}
 * without a break for {@code sustain}, and at least {@code hold} after the last change. A cough or
 * a short interjection does not make the layout jump, and neither do people talking over each
 * other at the same loudness, whose averages cross back and forth (as Jitsi's dominant speaker
 * identification, the stage moves for a sustained lead, not a momentary one).
 *
 * <p>Times are nanoseconds from the caller's clock. Thread-safety: synchronized, since each
 * room's audio arrives on the loop thread but participants leave from app threads.
 */
public final class DominantSpeaker {
    /** Weight of a new sample in the average; at 50 packets/s, about 0.4 s of memory. */
    static final double ALPHA = 0.05;

    private final double margin;
    private final long holdNanos;
    private final long sustainNanos;
    private final Map<String, Double> loudness = new HashMap<>();
    private String current;
    private long changedAt;
    private boolean changedOnce;
    // invariant: challenger is null or the participant whose average has led the current speaker's by the margin
    // in every one of its samples since leadingSince
    private String challenger;
    private long leadingSince;

    public DominantSpeaker(double margin, Duration hold, Duration sustain) {
        this.margin = margin;
        this.holdNanos = hold.toNanos();
        this.sustainNanos = sustain.toNanos();
    }

    /** Defaults: 6 units of loudness (about 6 dB), led for 1.5 s, and 2 s between changes. */
    public DominantSpeaker() {
        this(6, Duration.ofSeconds(2), Duration.ofMillis(1500));
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
        if (!(average > currentAverage + margin)) {
            if (participantId.equals(challenger)) {
                challenger = null; // the lead broke: a later one starts counting again
            }
            return Optional.empty();
        }
        if (!participantId.equals(challenger)) {
            challenger = participantId;
            leadingSince = now;
        }
        // nobody on the stage yet (or the speaker left): the first clear voice takes it at once
        boolean sustained = current == null || now - leadingSince >= sustainNanos;
        boolean held = changedOnce && now - changedAt < holdNanos;
        if (sustained && !held) {
            current = participantId;
            challenger = null;
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
        if (participantId.equals(challenger)) {
            challenger = null;
        }
    }

    public synchronized Optional<String> current() {
        return Optional.ofNullable(current);
    }
}
