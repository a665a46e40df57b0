package se.portvakt.booking;

import java.util.Map;
import java.util.TreeMap;
import se.portvakt.ids.MeetingId;

/**
 * A meeting's retention has run out: every feature that keeps personal data about its invitees deletes or
 * pseudonymises it now, in the purge's transaction (listeners are synchronous), and counts what it removed.
 * Published before booking's own invitee rows are pseudonymised, so listeners can still find them.
 */
public record MeetingDataExpiring(MeetingId meetingId, Map<String, Integer> purged) {

    public MeetingDataExpiring(MeetingId meetingId) {
        this(meetingId, new TreeMap<>());
    }

    /** Notes that {@code count} items of a kind (e.g. "messages") went; for the purge's audit record. */
    public void purged(String what, int count) {
        purged.merge(what, count, Integer::sum);
    }
}
