package se.portvakt.meeting;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Raised hands in this node's memory. */
class LocalRaisedHands implements RaisedHands {

    private final Map<UUID, Set<UUID>> hands = new ConcurrentHashMap<>();

    @Override
    public void raise(UUID meetingId, UUID participantId) {
        Set<UUID> meeting = hands.computeIfAbsent(meetingId, id -> new LinkedHashSet<>());
        synchronized (meeting) {
            meeting.add(participantId);
        }
    }

    @Override
    public void lower(UUID meetingId, UUID participantId) {
        Set<UUID> meeting = hands.get(meetingId);
        if (meeting != null) {
            synchronized (meeting) {
                meeting.remove(participantId);
            }
        }
    }

    @Override
    public List<UUID> order(UUID meetingId) {
        Set<UUID> meeting = hands.get(meetingId);
        if (meeting == null) {
            return List.of();
        }
        synchronized (meeting) {
            return List.copyOf(meeting);
        }
    }

    @Override
    public void forget(UUID meetingId) {
        hands.remove(meetingId);
    }
}
