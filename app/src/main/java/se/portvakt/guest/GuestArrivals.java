package se.portvakt.guest;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;

/**
 * Guests who have said they are here (one row per invitee; joining again updates it). An anonymous guest
 * gets a pseudonym, unique in the meeting, that stays theirs; only this table ties it to the invitee,
 * and only the host will be shown that tie.
 */
@Service
public class GuestArrivals {

    /** Letters and digits that cannot be mistaken for each other when read aloud or from a screen. */
    static final String PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    static final int PSEUDONYM_LENGTH = 4;

    /**
     * A guest's arrival. Whose pseudonym it is, and the verified name, are for the host's eyes only.
     *
     * @param verifiedName the name an e-legitimation vouched for, or null
     * @param pseudonym the anonymous guest's code, or null when not anonymous
     */
    public record Arrival(
            InviteeId inviteeId,
            MeetingId meetingId,
            IdentificationMethod method,
            AssuranceLevel level,
            String verifiedName,
            boolean simulated,
            boolean anonymous,
            String pseudonym,
            Instant arrivedAt) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    GuestArrivals(JdbcClient jdbc, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The guest of the visit, identified in this session as {@code identity}, says they are here. */
    @Transactional
    Arrival arrive(Visit visit, GuestIdentity identity, boolean anonymous) {
        MeetingSummary meeting = visit.meeting();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into guest_arrival (invitee_id, meeting_id, method, assurance_level, anonymous, arrived_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        identity.inviteeId().value(),
                        meeting.id().value(),
                        identity.method().name(),
                        identity.level().name(),
                        anonymous,
                        SqlTime.of(now))
                .update();
        String pseudonym = jdbc.sql("select pseudonym from guest_arrival where invitee_id = ? for update")
                .param(identity.inviteeId().value())
                .query(String.class)
                .optional()
                .orElse(null);
        if (anonymous && pseudonym == null) {
            pseudonym = freePseudonym(meeting.id().value());
        }
        jdbc.sql("""
                update guest_arrival set method = ?, assurance_level = ?, verified_name = ?, simulated = ?,
                    anonymous = ?, pseudonym = ?, arrived_at = ?
                where invitee_id = ?""")
                .params(
                        identity.method().name(),
                        identity.level().name(),
                        identity.verifiedName(),
                        identity.simulated(),
                        anonymous,
                        pseudonym,
                        SqlTime.of(now),
                        identity.inviteeId().value())
                .update();
        audit.record(AuditEntry.of(
                        meeting.organisationId(), AuditAction.GUEST_ARRIVED, AuditActor.guest(identity.inviteeId()))
                .meeting(meeting.id())
                .subject(identity.inviteeId())
                .evidence(identity.method(), identity.level(), identity.simulated())
                .detail("anonymous", anonymous)
                .detail("pseudonym", anonymous ? pseudonym : null));
        Arrival arrival = new Arrival(
                identity.inviteeId(),
                meeting.id(),
                identity.method(),
                identity.level(),
                identity.verifiedName(),
                identity.simulated(),
                anonymous,
                pseudonym,
                now);
        events.publishEvent(new GuestArrived(arrival, visit.invitation().name()));
        return arrival;
    }

    /** The arrivals of a meeting's guests, by invitee: for the host of the meeting only. */
    public Map<InviteeId, Arrival> ofMeeting(MeetingId meetingId) {
        Map<InviteeId, Arrival> arrivals = new HashMap<>();
        jdbc.sql(SELECT + " where meeting_id = ?")
                .param(meetingId.value())
                .query(GuestArrivals::arrival)
                .list()
                .forEach(arrival -> arrivals.put(arrival.inviteeId(), arrival));
        return arrivals;
    }

    Optional<Arrival> of(InviteeId inviteeId) {
        return jdbc.sql(SELECT + " where invitee_id = ?")
                .param(inviteeId.value())
                .query(GuestArrivals::arrival)
                .optional();
    }

    private static final String SELECT = """
            select invitee_id, meeting_id, method, assurance_level, verified_name, simulated, anonymous,
                pseudonym, arrived_at
            from guest_arrival""";

    private static Arrival arrival(ResultSet rs, int row) throws SQLException {
        return new Arrival(
                new InviteeId(rs.getObject(1, UUID.class)),
                new MeetingId(rs.getObject(2, UUID.class)),
                IdentificationMethod.valueOf(rs.getString(3)),
                AssuranceLevel.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getBoolean(7),
                rs.getString(8),
                SqlTime.read(rs, 9));
    }

    private String freePseudonym(UUID meetingId) {
        // 32^4 codes: a clash is rare, and the unique index catches a race between two guests
        while (true) {
            String candidate = pseudonym();
            boolean taken = jdbc.sql("select count(*) from guest_arrival where meeting_id = ? and pseudonym = ?")
                            .params(meetingId, candidate)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!taken) {
                return candidate;
            }
        }
    }

    String pseudonym() {
        StringBuilder code = new StringBuilder(PSEUDONYM_LENGTH);
        for (int i = 0; i < PSEUDONYM_LENGTH; i++) {
            code.append(PSEUDONYM_ALPHABET.charAt(random.nextInt(PSEUDONYM_ALPHABET.length())));
        }
        return code.toString();
    }
}
