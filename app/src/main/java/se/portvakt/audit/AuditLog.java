package se.portvakt.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.person.PinVault;

/**
 * The audit trail: who did what, when, on what evidence. Written in the caller's transaction, so an action and
 * its record commit or roll back together; a background job seals committed records into the organisation's
 * hash chain (see docs/audit.md). An identity number goes only through {@link AuditEntry#person}, which stores
 * its keyed hash and, as personal data, its masked form.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final PinVault pins;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, PinVault pins, Clock clock) {
        this.jdbc = jdbc;
        this.pins = pins;
        this.clock = clock;
    }

    public void record(AuditEntry entry) {
        Map<String, String> personalData = new TreeMap<>(entry.personal());
        if (entry.person() != null) {
            personalData.put("identityNumber", entry.person().masked());
        }
        String personal = personalData.isEmpty() ? null : AuditJson.write(personalData);
        AuditEntry.Evidence evidence = entry.evidence();
        jdbc.sql("""
                insert into audit_event (organisation_id, occurred_at, actor, action, subject, detail, meeting_id,
                    person_index, method, assurance_level, simulated, personal, personal_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        entry.organisationId() == null
                                ? null
                                : entry.organisationId().value(),
                        SqlTime.of(clock.instant()),
                        entry.actor().value(),
                        entry.action().code(),
                        entry.subject(),
                        AuditJson.write(entry.details()),
                        entry.meetingId() == null ? null : entry.meetingId().value(),
                        entry.person() == null ? null : pins.index(entry.person()),
                        evidence == null ? null : evidence.method(),
                        evidence == null ? null : evidence.level(),
                        evidence != null && evidence.simulated(),
                        personal,
                        personal == null ? null : ChainHash.sha256Hex(personal))
                .update();
    }

    /**
     * The untyped form of the first version, kept only so branches written against it still build.
     * The action is stored as given; the actor must already be an id ("staff:&lt;uuid&gt;"), not an e-mail.
     *
     * @deprecated use {@link #record(AuditEntry)}
     */
    @Deprecated(forRemoval = true)
    public void record(UUID organisationId, String actor, String action, String subject, String detail) {
        jdbc.sql("""
                insert into audit_event (organisation_id, occurred_at, actor, action, subject, detail)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        organisationId,
                        SqlTime.of(clock.instant()),
                        actor,
                        action,
                        subject,
                        detail == null ? null : AuditJson.write(Map.of("text", detail)))
                .update();
    }

    /**
     * Erases the personal data of a meeting's records (the retention purge); their chain links stay valid, since
     * they cover only its hash. Returns how many records had personal data.
     */
    public int erasePersonal(MeetingId meetingId) {
        return jdbc.sql("""
                update audit_event set personal = null, personal_purged_at = ?
                where meeting_id = ? and personal is not null""")
                .params(SqlTime.of(clock.instant()), meetingId.value())
                .update();
    }

    /** The newest events of one organisation, newest first. */
    public List<AuditEvent> latest(OrganisationId organisationId, int limit) {
        return jdbc.sql("select " + AuditEvent.COLUMNS
                        + " from audit_event where organisation_id = ? order by id desc limit ?")
                .params(organisationId.value(), limit)
                .query(AuditEvent::read)
                .list();
    }
}
