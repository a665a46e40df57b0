package se.portvakt.meeting;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Whose microphone and camera are on, per meeting, as each tab last said, and whose connection the SFU lost. Kept
 * in memory for the meeting's life, like raised hands: after a restart the tabs say it again when they publish.
 */
@Component
class MediaStates {

    record On(boolean microphone, boolean camera) {}

    private final Map<UUID, Map<UUID, On>> meetings = new ConcurrentHashMap<>();
    private final Map<UUID, Set<UUID>> lost = new ConcurrentHashMap<>();

    void set(UUID meetingId, UUID participantId, On on) {
        meetings.computeIfAbsent(meetingId, id -> new ConcurrentHashMap<>()).put(participantId, on);
    }

    /** What each participant of the meeting last said; absent for those who have not. */
    Map<UUID, On> of(UUID meetingId) {
        Map<UUID, On> meeting = meetings.get(meetingId);
        return meeting == null ? Map.of() : Map.copyOf(meeting);
    }

    /** @return whether that changed what the others should see */
    boolean connectionLost(UUID meetingId, UUID participantId, boolean connectionLost) {
        Set<UUID> meeting = lost.computeIfAbsent(meetingId, id -> ConcurrentHashMap.newKeySet());
        return connectionLost ? meeting.add(participantId) : meeting.remove(participantId);
    }

    /** Those of the meeting whose browser the SFU has not heard from for seconds. */
    Set<UUID> connectionsLost(UUID meetingId) {
        Set<UUID> meeting = lost.get(meetingId);
        return meeting == null ? Set.of() : Set.copyOf(meeting);
    }

    void forget(UUID meetingId, UUID participantId) {
        Map<UUID, On> meeting = meetings.get(meetingId);
        if (meeting != null) {
            meeting.remove(participantId);
        }
        Set<UUID> lostHere = lost.get(meetingId);
        if (lostHere != null) {
            lostHere.remove(participantId);
        }
    }

    void forget(UUID meetingId) {
        meetings.remove(meetingId);
        lost.remove(meetingId);
    }
}
