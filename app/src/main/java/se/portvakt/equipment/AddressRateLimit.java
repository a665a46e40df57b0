package se.portvakt.equipment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code limit} takes per client address within a sliding window, counted on this node only (several nodes
 * multiply it, which is fine for a limit that only keeps one address from tying up the SFU). Thread-safe.
 */
final class AddressRateLimit {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    /** Per address, the times of its takes still inside the window, oldest first. */
    private final Map<String, Deque<Instant>> takes = new HashMap<>();

    AddressRateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Takes one for {@code address}; when the address has used up its limit, how long until it may again. */
    synchronized Optional<Duration> take(String address) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        takes.values().removeIf(times -> {
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.removeFirst();
            }
            return times.isEmpty();
        });
        Deque<Instant> times = takes.computeIfAbsent(address, a -> new ArrayDeque<>());
        if (times.size() >= limit) {
            return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
        }
        times.addLast(now);
        return Optional.empty();
    }
}
