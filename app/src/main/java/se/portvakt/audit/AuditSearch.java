package se.portvakt.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.InviteeId;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;

/** The organisation's view of its log: records by meeting, person, staff member and time, newest first. */
@Component
public class AuditSearch {

    private final JdbcClient jdbc;
    private final PinVault pins;
    private final List<PersonalDataHolder> holders;

    AuditSearch(JdbcClient jdbc, PinVault pins, List<PersonalDataHolder> holders) {
        this.jdbc = jdbc;
        this.pins = pins;
        this.holders = holders;
    }

    public List<AuditEvent> find(AuditQuery query, int offset, int limit) {
        Where where = where(query);
        List<Object> params = new ArrayList<>(where.params());
        params.add(offset);
        params.add(limit);
        return jdbc.sql("select " + AuditEvent.COLUMNS + " from audit_event where " + where.sql()
                        + " order by occurred_at desc, id desc offset ? rows fetch next ? rows only")
                .params(params)
                .query(AuditEvent::read)
                .list();
    }

    /** The keyed hash a person is searched by; the same as {@code person_index} and the invitations' pin_index. */
    public String personIndex(PersonalIdentityNumber person) {
        return pins.index(person);
    }

    public long count(AuditQuery query) {
        Where where = where(query);
        return jdbc.sql("select count(*) from audit_event where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /** The link before a sealed record (of seq - 1), so an exported record can be checked on its own. */
    String previousLink(UUID organisationId, long seq) {
        if (seq == 1) {
            return ChainHash.GENESIS;
        }
        return jdbc.sql("select chain_hash from audit_event where " + AuditChains.owner(AuditChains.key(organisationId))
                        + " and chain_seq = ?")
                .param(seq - 1)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private record Where(String sql, List<Object> params) {}

    private Where where(AuditQuery query) {
        StringBuilder sql = new StringBuilder("organisation_id = ?");
        List<Object> params = new ArrayList<>(List.of(query.organisationId().value()));
        if (query.meetingId() != null) {
            sql.append(" and meeting_id = ?");
            params.add(query.meetingId().value());
        }
        if (query.staffId() != null) {
            sql.append(" and actor = ?");
            params.add(AuditActor.staff(query.staffId()).value());
        }
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(SqlTime.of(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(SqlTime.of(query.to()));
        }
        if (query.personIndex() != null) {
            // by the keyed hash; and the records of the guests whose invitations name the person
            Set<String> guests = holders.stream()
                    .flatMap(holder ->
                            holder.invitationsOf(query.organisationId().value(), query.personIndex()).stream())
                    .map(id -> AuditActor.guest(new InviteeId(id)).value())
                    .collect(Collectors.toSet());
            sql.append(" and (person_index = ?");
            params.add(query.personIndex());
            for (String guest : guests) {
                sql.append(" or actor = ?");
                params.add(guest);
            }
            sql.append(")");
        }
        return new Where(sql.toString(), params);
    }
}
