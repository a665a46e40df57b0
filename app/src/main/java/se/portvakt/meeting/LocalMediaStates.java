package se.portvakt.meeting;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Media states in this node's memory. */
class LocalMediaStates implements MediaStates {

    private final Map<UUID, Map<UUID, On>> meetings = new ConcurrentHashMap<>();
    private final Map<UUID, Set<UUID>> lost = new ConcurrentHashMap<>();

    @Override
    public void set(UUID meetingId, UUID participantId, On on) {
        meetings.computeIfAbsent(meetingId, id -> new ConcurrentHashMap<>()).put(participantId, on);
    }

    @Override
    public Map<UUID, On> of(UUID meetingId) {
        Map<UUID, On> meeting = meetings.get(meetingId);
        return meeting == null ? Map.of() : Map.copyOf(meeting);
    }

    @Override
    public boolean connectionLost(UUID meetingId, UUID participantId, boolean connectionLost) {
        Set<UUID> meeting = lost.computeIfAbsent(meetingId, id -> ConcurrentHashMap.newKeySet());
        return connectionLost ? meeting.add(participantId) : meeting.remove(participantId);
    }

    @Override
    public Set<UUID> connectionsLost(UUID meetingId) {
        Set<UUID> meeting = lost.get(meetingId);
        return meeting == null ? Set.of() : Set.copyOf(meeting);
    }

    @Override
    public void forget(UUID meetingId, UUID participantId) {
        Map<UUID, On> meeting = meetings.get(meetingId);
        if (meeting != null) {
            meeting.remove(participantId);
        }
        Set<UUID> lostHere = lost.get(meetingId);
        if (lostHere != null) {
            lostHere.remove(participantId);
        }
    }

    @Override
    public void forget(UUID meetingId) {
        meetings.remove(meetingId);
        lost.remove(meetingId);
    }
}
