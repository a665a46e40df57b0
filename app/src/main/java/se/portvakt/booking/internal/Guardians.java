package se.portvakt.booking.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The name of the child the invitee is the guardian of, while both are invited. */
    Optional<String> childOf(UUID guardianId) {
        return jdbc.sql("""
                select c.name from invitee_guardian g
                  join invitee p on p.id = g.guardian_id and p.removed_at is null
                  join invitee c on c.id = g.child_id and c.removed_at is null
                where g.guardian_id = ?""").param(guardianId).query(String.class).optional();
    }

    /** The names of the invitee's guardians still invited, in the meeting's order. */
    List<String> guardiansOf(UUID childId) {
        return jdbc.sql("""
                select p.name from invitee_guardian g join invitee p on p.id = g.guardian_id and p.removed_at is null
                where g.child_id = ? order by p.created_at, p.id""").param(childId).query(String.class).list();
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
