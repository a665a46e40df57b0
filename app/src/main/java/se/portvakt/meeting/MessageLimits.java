package se.portvakt.meeting;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one sender may send each kind of message: a token bucket per sender and kind, and one for all their
 * messages together. Generous for a person (a chat line a second, bursts of ten), tight for a script: a flood is
 * refused to its sender alone, and nobody else's messages wait for it.
 */
final class MessageLimits {

    /** A kind's budget: {@code burst} at once, refilled at {@code perSecond}. */
    record Rate(double burst, double perSecond) {}

    static final Rate ALL = new Rate(120, 30);
    static final Map<String, Rate> BY_TYPE = Map.of(
            "chat", new Rate(10, 1),
            "react", new Rate(10, 2),
            "hand", new Rate(6, 0.5),
            "mediaState", new Rate(20, 2),
            "layers", new Rate(30, 5),
            "publish", new Rate(40, 5));

    private static final class Bucket {
        private final Rate rate;
        private double tokens;
        private long refilledAt;

        Bucket(Rate rate, long now) {
            this.rate = rate;
            this.tokens = rate.burst();
            this.refilledAt = now;
        }

        /** Called with the owning {@link Budget} locked. */
        boolean take(long now) {
            tokens = Math.min(rate.burst(), tokens + (now - refilledAt) / 1e9 * rate.perSecond());
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    /** One sender's buckets. */
    static final class Budget {
        private final Bucket all;
        private final Map<String, Bucket> byType = new ConcurrentHashMap<>();

        Budget(long now) {
            all = new Bucket(ALL, now);
        }

        /** Whether a message of {@code type} may go through at {@code now} (nanoseconds); it uses the budget if so. */
        synchronized boolean allow(String type, long now) {
            Rate rate = BY_TYPE.get(type);
            Bucket own = rate == null ? null : byType.computeIfAbsent(type, kind -> new Bucket(rate, now));
            // ask the narrower bucket first: a refused chat line does not use up the sender's general budget
            if (own != null && !own.take(now)) {
                return false;
            }
            return all.take(now);
        }
    }

    private MessageLimits() {}
}
