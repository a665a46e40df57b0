package se.portvakt.meeting;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The meetings' chat, in memory only: it lives as long as the meeting (and this node) and is dropped when the
 * meeting ends. Nothing said in a meeting is ever written to disk.
 */
@Component
class ChatLog {

    /** Lines a late joiner or a reconnecting tab gets; older ones fall off. */
    static final int KEPT_LINES = 200;

    /** One line as everyone in the meeting sees it; {@code name} is the sender's shown name or pseudonym. */
    record Line(UUID from, String name, String text, Instant at) {}

    private final Map<UUID, Deque<Line>> lines = new ConcurrentHashMap<>();

    Line post(UUID meetingId, Line line) {
        Deque<Line> meeting = lines.computeIfAbsent(meetingId, id -> new ArrayDeque<>());
        synchronized (meeting) {
            meeting.addLast(line);
            while (meeting.size() > KEPT_LINES) {
                meeting.removeFirst();
            }
        }
        return line;
    }

    List<Line> of(UUID meetingId) {
        Deque<Line> meeting = lines.get(meetingId);
        if (meeting == null) {
            return List.of();
        }
        synchronized (meeting) {
            return List.copyOf(meeting);
        }
    }

    void forget(UUID meetingId) {
        lines.remove(meetingId);
    }
}
