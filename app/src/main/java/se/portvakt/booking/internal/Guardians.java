package se.portvakt.booking.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which invitee of a meeting is the guardian of which other invitee of the same meeting (table invitee_guardian). */
@Component
class Guardians {

    private final JdbcClient jdbc;

    Guardians(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The meeting's guardians, guardian's invitee id to child's; replaces what was there (in the caller's transaction). */
    void replace(UUID meetingId, Map<UUID, UUID> childByGuardian) {
        jdbc.sql("delete from invitee_guardian where guardian_id in (select id from invitee where meeting_id = ?)")
                .param(meetingId)
                .update();
        childByGuardian.forEach(
                (guardian, child) -> jdbc.sql("insert into invitee_guardian (guardian_id, child_id) values (?, ?)")
                        .params(guardian, child)
                        .update());
    }

    /** Guardian's invitee id to child's, for one meeting. */
    Map<UUID, UUID> of(UUID meetingId) {
        Map<UUID, UUID> childByGuardian = new HashMap<>();
        jdbc.sql("""
                select g.guardian_id, g.child_id from invitee_guardian g join invitee i on i.id = g.guardian_id
                where i.meeting_id = ?""")
                .param(meetingId)
                .query((rs, n) -> childByGuardian.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        return childByGuardian;
    }
}
