package se.portvakt.invitation;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.booking.MeetingDataExpiring;

/** At the end of a meeting's retention, its messages go: they hold addresses, names and the links. */
@Component
class ExpiredMessages {

    private final JdbcClient jdbc;

    ExpiredMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void expired(MeetingDataExpiring event) {
        event.purged(
                "messages",
                jdbc.sql("delete from outbox_message where meeting_id = ?")
                        .param(event.meetingId().value())
                        .update());
    }
}
