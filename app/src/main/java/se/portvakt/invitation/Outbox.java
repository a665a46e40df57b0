package se.portvakt.invitation;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.portvakt.config.PortvaktProperties;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;

/**
 * The outbox_message table. Writes join the caller's transaction (enqueue commits with the booking);
 * the worker's claim is one conditional UPDATE, so two nodes can never both own a message.
 */
@Repository
class Outbox implements InvitationDeliveries {

    private static final String COLUMNS = """
            id, organisation_id, meeting_id, invitee_id, channel, recipient, subject, body_text, body_html, calendar,
            message_id, status, attempts, next_attempt_at, last_error, delivered_via, created_at, sent_at""";

    private final JdbcClient jdbc;
    private final String messageIdDomain;

    Outbox(JdbcClient jdbc, PortvaktProperties portvakt) {
        this.jdbc = jdbc;
        String host = URI.create(portvakt.baseUrl()).getHost();
        this.messageIdDomain = host == null || host.isBlank() ? "portvakt.localhost" : host;
    }

    /** Queues a message; a message to staff has no meeting and no invitee (null). */
    UUID enqueue(OrganisationId organisationId, MeetingId meetingId, InviteeId inviteeId, Draft draft, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into outbox_message (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        id,
                        organisationId.value(),
                        meetingId == null ? null : meetingId.value(),
                        inviteeId == null ? null : inviteeId.value(),
                        draft.channel().name(),
                        draft.recipient(),
                        draft.subject(),
                        draft.bodyText(),
                        draft.bodyHtml(),
                        draft.calendar(),
                        "<" + id + "@" + messageIdDomain + ">",
                        OutboxStatus.PENDING.name(),
                        0,
                        SqlTime.of(now),
                        null,
                        null,
                        SqlTime.of(now),
                        null)
                .update();
        return id;
    }

    /** Messages to try now: due ones, and ones whose sender's claim ran out (it crashed or hung). */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from outbox_message
                where (status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and claimed_until < ?)
                order by next_attempt_at limit ?""")
                .params(SqlTime.of(now), SqlTime.of(now), limit)
                .query(UUID.class)
                .list();
    }

    /** Takes the message for this caller until {@code until}; false if someone else has it or it is not due. */
    boolean claim(UUID id, Instant now, Instant until) {
        return jdbc.sql("""
                update outbox_message set status = 'SENDING', claimed_until = ?, attempts = attempts + 1
                where id = ? and ((status = 'PENDING' and next_attempt_at <= ?)
                               or (status = 'SENDING' and claimed_until < ?))""")
                        .params(SqlTime.of(until), id, SqlTime.of(now), SqlTime.of(now))
                        .update()
                == 1;
    }

    void markSent(UUID id, Route route, Instant now) {
        jdbc.sql("""
                update outbox_message set status = 'SENT', sent_at = ?, delivered_via = ?, claimed_until = null
                where id = ?""").params(SqlTime.of(now), route.name(), id).update();
    }

    void markRetry(UUID id, String error, Instant nextAttempt) {
        jdbc.sql("""
                update outbox_message set status = 'PENDING', next_attempt_at = ?, last_error = ?, claimed_until = null
                where id = ?""").params(SqlTime.of(nextAttempt), truncate(error), id).update();
    }

    void markFailed(UUID id, String error) {
        jdbc.sql("update outbox_message set status = 'FAILED', last_error = ?, claimed_until = null where id = ?")
                .params(truncate(error), id)
                .update();
    }

    Optional<OutboxMessage> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where id = ?")
                .param(id)
                .query(Outbox::message)
                .optional();
    }

    /** Newest first, one page at a time. */
    List<OutboxMessage> latest(int offset, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from outbox_message order by created_at desc, id offset ? rows fetch next ? rows only")
                .params(offset, limit)
                .query(Outbox::message)
                .list();
    }

    @Override
    public List<Delivery> forMeeting(UUID meetingId) {
        return jdbc.sql("""
                select invitee_id, channel, status, sent_at from outbox_message
                where meeting_id = ? order by created_at, id""")
                .param(meetingId)
                .query((rs, n) -> new Delivery(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), SqlTime.read(rs, 4)))
                .list();
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        String route = rs.getString(16);
        return new OutboxMessage(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                Channel.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                OutboxStatus.valueOf(rs.getString(12)),
                rs.getInt(13),
                SqlTime.read(rs, 14),
                rs.getString(15),
                route == null ? null : Route.valueOf(route),
                SqlTime.read(rs, 17),
                SqlTime.read(rs, 18));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
