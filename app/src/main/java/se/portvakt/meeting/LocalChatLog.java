package se.portvakt.meeting;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The meetings' chat in this node's memory: it lives as long as the meeting and this node. */
class LocalChatLog implements ChatLog {

    private final Map<UUID, Deque<Line>> lines = new ConcurrentHashMap<>();

    @Override
    public Line post(UUID meetingId, Line line) {
        Deque<Line> meeting = lines.computeIfAbsent(meetingId, id -> new ArrayDeque<>());
        synchronized (meeting) {
            meeting.addLast(line);
            while (meeting.size() > KEPT_LINES) {
                meeting.removeFirst();
            }
        }
        return line;
    }

    @Override
    public List<Line> of(UUID meetingId) {
        Deque<Line> meeting = lines.get(meetingId);
        if (meeting == null) {
            return List.of();
        }
        synchronized (meeting) {
            return List.copyOf(meeting);
        }
    }

    @Override
    public void forget(UUID meetingId) {
        lines.remove(meetingId);
    }
}
