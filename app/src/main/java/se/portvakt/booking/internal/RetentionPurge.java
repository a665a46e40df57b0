package se.portvakt.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.MeetingDataExpiring;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.organisation.Organisations;

/**
 * Deletes or pseudonymises the personal data of meetings whose organisation's retention has run out since they
 * ended: invitees' names, addresses and identity numbers, attachments, the meeting's title and information text,
 * what other features keep (see {@link MeetingDataExpiring}) and the personal part of the meeting's audit records.
 * The audit records themselves stay, and their chain still verifies. Each meeting is purged in one transaction that
 * starts with a conditional UPDATE, so with several nodes exactly one purges it; the purge is itself audited.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    /** What a purged meeting's title becomes; the meeting row stays for the audit log's references. */
    static final String PURGED_TITLE = "–";

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RetentionPurge(
            JdbcClient jdbc,
            Organisations organisations,
            ApplicationEventPublisher events,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.events = events;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    // the default repeats AuditProperties.purgeInterval's, since an annotation cannot read a record
    @Scheduled(
            fixedDelayString = "${portvakt.audit.purge-interval:PT1H}",
            initialDelayString = "${portvakt.audit.purge-interval:PT1H}")
    void poll() {
        purgeDue();
    }

    /** Purges every meeting that is due now; returns how many this call purged. */
    public int purgeDue() {
        int purged = 0;
        for (Map.Entry<UUID, Duration> organisation : organisations.retentions().entrySet()) {
            Instant cutoff = clock.instant().minus(organisation.getValue());
            List<UUID> due = jdbc.sql("""
                    select id from meeting where organisation_id = ? and personal_data_purged_at is null and ends_at < ?
                    order by ends_at""")
                    .params(organisation.getKey(), SqlTime.of(cutoff))
                    .query(UUID.class)
                    .list();
            for (UUID meetingId : due) {
                if (Boolean.TRUE.equals(transactions.execute(status -> purge(organisation.getKey(), meetingId)))) {
                    purged++;
                }
            }
        }
        if (purged > 0) {
            log.info("Purged the personal data of {} meetings past their retention", purged);
        }
        return purged;
    }

    private boolean purge(UUID organisationId, UUID meetingId) {
        Instant now = clock.instant();
        boolean mine =
                jdbc.sql("""
                update meeting set personal_data_purged_at = ?, title = ?, information = null
                where id = ? and personal_data_purged_at is null""").params(SqlTime.of(now), PURGED_TITLE, meetingId).update() == 1;
        if (!mine) {
            return false; // another node purged it meanwhile
        }
        MeetingDataExpiring expiring = new MeetingDataExpiring(new MeetingId(meetingId));
        events.publishEvent(expiring);
        expiring.purged(
                "attachments",
                jdbc.sql("delete from attachment where meeting_id = ?")
                        .param(meetingId)
                        .update());
        // the invitee row stays (other tables and the audit log refer to its id) with nothing left that names anyone
        expiring.purged(
                "invitees", jdbc.sql("""
                update invitee set name = '', email = ?, mobile = null, pin_encrypted = null, pin_index = null
                where meeting_id = ?""").params(PURGED_ADDRESS, meetingId).update());
        expiring.purged("auditPersonalData", audit.erasePersonal(new MeetingId(meetingId)));
        AuditEntry entry = AuditEntry.of(
                        new OrganisationId(organisationId), AuditAction.PERSONAL_DATA_PURGED, AuditActor.SYSTEM)
                .meeting(new MeetingId(meetingId))
                .subject(meetingId);
        for (Map.Entry<String, Integer> count : expiring.purged().entrySet()) {
            entry = entry.detail(count.getKey(), count.getValue());
        }
        audit.record(entry);
        return true;
    }

    /** An address that can never be delivered to (RFC 2606), for a purged invitee: the row needs a contact. */
    static final String PURGED_ADDRESS = "purged@purged.invalid";
}
