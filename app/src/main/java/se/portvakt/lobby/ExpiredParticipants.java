package se.portvakt.lobby;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.booking.MeetingDataExpiring;

/**
 * At the end of a meeting's retention, its guests' participant rows lose their names and deny messages; the rows
 * (state, method, level) stay, like the audit records that refer to them.
 */
@Component
class ExpiredParticipants {

    private final JdbcClient jdbc;

    ExpiredParticipants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void expired(MeetingDataExpiring event) {
        event.purged(
                "participants", jdbc.sql("""
                update participant set display_name = '', verified_name = null, deny_message = null
                where invitee_id in (select id from invitee where meeting_id = ?)""").param(event.meetingId().value()).update());
    }
}
