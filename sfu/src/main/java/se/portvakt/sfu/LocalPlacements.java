package se.portvakt.sfu;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@link Placements} in one app node's memory. */
final class LocalPlacements implements Placements {

    private final Map<String, URI> nodeByMeeting = new ConcurrentHashMap<>();

    @Override
    public Optional<URI> nodeOf(String meetingId) {
        return Optional.ofNullable(nodeByMeeting.get(meetingId));
    }

    @Override
    public URI placeIfAbsent(String meetingId, URI node) {
        URI before = nodeByMeeting.putIfAbsent(meetingId, node);
        return before == null ? node : before;
    }

    @Override
    public boolean remove(String meetingId, URI node) {
        return nodeByMeeting.remove(meetingId, node);
    }

    @Override
    public void remove(String meetingId) {
        nodeByMeeting.remove(meetingId);
    }

    @Override
    public Set<String> on(URI node) {
        return nodeByMeeting.entrySet().stream()
                .filter(placed -> placed.getValue().equals(node))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
