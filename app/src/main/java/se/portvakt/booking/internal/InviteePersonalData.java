package se.portvakt.booking.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.audit.PersonalDataHolder;
import se.portvakt.config.SqlTime;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;

/** The invitations in the organisation's meetings that name a person by identity number, with what they hold. */
@Component
class InviteePersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final PinVault pins;

    InviteePersonalData(JdbcClient jdbc, PinVault pins) {
        this.jdbc = jdbc;
        this.pins = pins;
    }

    @Override
    public PersonalData about(UUID organisationId, PersonalIdentityNumber person) {
        List<Map<String, String>> items = new ArrayList<>();
        jdbc.sql("""
                select i.id, i.name, i.email, i.mobile, i.created_at, i.removed_at, m.id, m.title, m.starts_at,
                       m.ends_at, m.status,
                       (select count(*) from attachment a where a.meeting_id = m.id)
                from invitee i join meeting m on m.id = i.meeting_id
                where m.organisation_id = ? and i.pin_index = ? order by m.starts_at""")
                .params(organisationId, pins.index(person))
                .query((rs, n) -> {
                    Map<String, String> item = new LinkedHashMap<>();
                    item.put("invitation", rs.getString(1));
                    item.put("name", rs.getString(2));
                    item.put("email", rs.getString(3));
                    item.put("mobile", rs.getString(4));
                    item.put("identityNumber", person.masked());
                    item.put("invitedAt", String.valueOf(SqlTime.read(rs, 5)));
                    item.put("removedAt", rs.getObject(6) == null ? null : String.valueOf(SqlTime.read(rs, 6)));
                    item.put("meeting", rs.getString(7));
                    item.put("meetingTitle", rs.getString(8));
                    item.put("meetingStarts", String.valueOf(SqlTime.read(rs, 9)));
                    item.put("meetingEnds", String.valueOf(SqlTime.read(rs, 10)));
                    item.put("meetingStatus", rs.getString(11));
                    item.put("meetingAttachments", rs.getString(12));
                    items.add(item);
                    return item;
                })
                .list();
        return new PersonalData("invitations", items);
    }

    @Override
    public Set<UUID> organisationsOf(PersonalIdentityNumber person) {
        return new LinkedHashSet<>(
                jdbc.sql("""
                select distinct m.organisation_id from invitee i join meeting m on m.id = i.meeting_id
                where i.pin_index = ?""").param(pins.index(person)).query(UUID.class).list());
    }

    @Override
    public Set<UUID> invitationsOf(UUID organisationId, String personIndex) {
        return new LinkedHashSet<>(jdbc.sql("""
                select i.id from invitee i join meeting m on m.id = i.meeting_id
                where m.organisation_id = ? and i.pin_index = ?""")
                .params(organisationId, personIndex)
                .query(UUID.class)
                .list());
    }
}
