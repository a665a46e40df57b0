package se.portvakt.sfu;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link NodeRegistry} in one app node's memory. */
final class LocalNodeRegistry implements NodeRegistry {

    private final Map<URI, Instant> seen = new ConcurrentHashMap<>();

    @Override
    public void seen(URI node, Instant at) {
        seen.merge(node, at, (before, now) -> now.isAfter(before) ? now : before);
    }

    @Override
    public Map<URI, Instant> lastSeen() {
        return Map.copyOf(seen);
    }

    @Override
    public boolean removeIfSilentSince(URI node, Instant before) {
        Instant last = seen.get(node);
        return last != null && last.isBefore(before) && seen.remove(node, last);
    }
}
