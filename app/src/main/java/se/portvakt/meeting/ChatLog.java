package se.portvakt.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The meetings' chat: it lives as long as the meeting and is dropped when the meeting ends. Nothing said in a meeting
 * is ever written to disk: one node keeps it in memory ({@link LocalChatLog}), several in Redis ({@link RedisChatLog}),
 * where it expires on its own should no node be left to drop it.
 */
interface ChatLog {

    /** Lines a late joiner or a reconnecting tab gets; older ones fall off. */
    int KEPT_LINES = 200;

    /** One line as everyone in the meeting sees it; {@code name} is the sender's shown name or pseudonym. */
    record Line(UUID from, String name, String text, Instant at) {}

    Line post(UUID meetingId, Line line);

    /** The meeting's last {@link #KEPT_LINES} lines, oldest first. */
    List<Line> of(UUID meetingId);

    void forget(UUID meetingId);
}
