package se.portvakt.guest;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.booking.MeetingDataExpiring;

/** At the end of a meeting's retention, its guests' codes, code requests and arrivals (with verified names) go. */
@Component
class ExpiredGuestData {

    private static final String INVITEES = "(select id from invitee where meeting_id = ?)";

    private final JdbcClient jdbc;

    ExpiredGuestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void expired(MeetingDataExpiring event) {
        jdbc.sql("delete from guest_code where invitee_id in " + INVITEES)
                .param(event.meetingId().value())
                .update();
        jdbc.sql("delete from guest_code_request where invitee_id in " + INVITEES)
                .param(event.meetingId().value())
                .update();
        event.purged(
                "arrivals",
                jdbc.sql("delete from guest_arrival where invitee_id in " + INVITEES)
                        .param(event.meetingId().value())
                        .update());
    }
}
