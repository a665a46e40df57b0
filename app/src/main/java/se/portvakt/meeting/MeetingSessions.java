package se.portvakt.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;
import se.portvakt.guest.EndedMeetings;

/** A meeting's life: started when a host first joins, maybe locked, ended by a host. Kept in meeting_session. */
@Component
class MeetingSessions implements EndedMeetings {

    /** Where a meeting is; a meeting nobody has opened yet is neither started, locked nor ended. */
    record Life(boolean started, boolean locked, boolean ended) {
        static final Life NOT_OPENED = new Life(false, false, false);
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    MeetingSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Life life(UUID meetingId) {
        return jdbc.sql("select started_at, locked, ended_at from meeting_session where meeting_id = ?")
                .param(meetingId)
                .query((rs, n) -> new Life(rs.getObject(1) != null, rs.getBoolean(2), rs.getObject(3) != null))
                .optional()
                .orElse(Life.NOT_OPENED);
    }

    @Override
    public boolean ended(UUID meetingId) {
        return life(meetingId).ended();
    }

    void start(UUID meetingId) {
        ensureRow(meetingId);
        jdbc.sql("update meeting_session set started_at = ? where meeting_id = ? and started_at is null")
                .params(SqlTime.of(clock.instant()), meetingId)
                .update();
    }

    void lock(UUID meetingId, boolean locked) {
        ensureRow(meetingId);
        jdbc.sql("update meeting_session set locked = ? where meeting_id = ?")
                .params(locked, meetingId)
                .update();
    }

    /** Ends the meeting; true when this call ended it (not an earlier one). */
    boolean end(UUID meetingId) {
        ensureRow(meetingId);
        Instant now = clock.instant();
        return jdbc.sql("update meeting_session set ended_at = ? where meeting_id = ? and ended_at is null")
                        .params(SqlTime.of(now), meetingId)
                        .update()
                > 0;
    }

    private void ensureRow(UUID meetingId) {
        jdbc.sql("insert into meeting_session (meeting_id, locked) values (?, false) on conflict do nothing")
                .param(meetingId)
                .update();
    }
}
