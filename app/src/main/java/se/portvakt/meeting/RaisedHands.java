package se.portvakt.meeting;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Raised hands per meeting, in the order they went up (the host answers them in that order). */
@Component
class RaisedHands {

    private final Map<UUID, Set<UUID>> hands = new ConcurrentHashMap<>();

    void raise(UUID meetingId, UUID participantId) {
        Set<UUID> meeting = hands.computeIfAbsent(meetingId, id -> new LinkedHashSet<>());
        synchronized (meeting) {
            meeting.add(participantId);
        }
    }

    void lower(UUID meetingId, UUID participantId) {
        Set<UUID> meeting = hands.get(meetingId);
        if (meeting != null) {
            synchronized (meeting) {
                meeting.remove(participantId);
            }
        }
    }

    /** Who has a hand up, first raised first. */
    List<UUID> order(UUID meetingId) {
        Set<UUID> meeting = hands.get(meetingId);
        if (meeting == null) {
            return List.of();
        }
        synchronized (meeting) {
            return List.copyOf(meeting);
        }
    }

    void forget(UUID meetingId) {
        hands.remove(meetingId);
    }
}
