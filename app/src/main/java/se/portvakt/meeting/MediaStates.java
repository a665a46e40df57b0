package se.portvakt.meeting;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Whose microphone and camera are on, per meeting, as each tab last said. Kept in memory for the meeting's life,
 * like raised hands: after a restart the tabs say it again when they publish.
 */
@Component
class MediaStates {

    record On(boolean microphone, boolean camera) {}

    private final Map<UUID, Map<UUID, On>> meetings = new ConcurrentHashMap<>();

    void set(UUID meetingId, UUID participantId, On on) {
        meetings.computeIfAbsent(meetingId, id -> new ConcurrentHashMap<>()).put(participantId, on);
    }

    /** What each participant of the meeting last said; absent for those who have not. */
    Map<UUID, On> of(UUID meetingId) {
        Map<UUID, On> meeting = meetings.get(meetingId);
        return meeting == null ? Map.of() : Map.copyOf(meeting);
    }

    void forget(UUID meetingId, UUID participantId) {
        Map<UUID, On> meeting = meetings.get(meetingId);
        if (meeting != null) {
            meeting.remove(participantId);
        }
    }

    void forget(UUID meetingId) {
        meetings.remove(meetingId);
    }
}
