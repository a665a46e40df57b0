package se.portvakt.citizen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.config.SecretKeys;
import se.portvakt.config.SqlTime;

/**
 * Ties the face in a meeting to an e-legitimation: one side is shown a six-digit code, says it aloud, and the
 * other types it on their authenticated page (or in the room). A code is for one invitee of one meeting and one
 * direction, so another meeting's code, a stale one or a wrong one confirms nothing. The live row is locked
 * (SELECT ... FOR UPDATE) for a try, so parallel guesses cannot slip past the count.
 */
@Service
class IdentityConfirmations {

    enum Direction {
        /** The host reads the code aloud; the participant types it on their authenticated page. */
        HOST_SAYS,
        /** The participant's authenticated page shows the code; the host types it in the room. */
        PARTICIPANT_SHOWS
    }

    /** A code just shown: the only moment it exists in the clear. */
    record Issued(String code, Instant expiresAt) {}

    /** What a try came to. */
    sealed interface Outcome {}

    record Confirmed(Confirmation confirmation) implements Outcome {}

    record Wrong(int attemptsLeft) implements Outcome {}

    /** No code is live for this person in this meeting (never shown, expired, used up or already spent). */
    record NoLiveCode() implements Outcome {}

    /** A confirmed identity: by which e-legitimation, and when. */
    record Confirmation(String method, Instant confirmedAt) {}

    private final JdbcClient jdbc;
    private final byte[] key;
    private final CitizenProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IdentityConfirmations(JdbcClient jdbc, SecretKeys keys, CitizenProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.key = keys.derive("identity-confirmation");
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new code for the invitee in this meeting and direction; an earlier unconfirmed one stops working. */
    @Transactional
    Issued issue(MeetingSummary meeting, UUID inviteeId, Direction direction, String method, String actor) {
        Instant now = clock.instant();
        jdbc.sql("""
                delete from identity_confirmation
                where meeting_id = ? and invitee_id = ? and direction = ? and confirmed_at is null""").params(meeting.id().value(), inviteeId, direction.name()).update();
        UUID id = UUID.randomUUID();
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant expires = now.plus(properties.confirmationCodeValidity());
        jdbc.sql("""
                insert into identity_confirmation (id, meeting_id, invitee_id, direction, code_hash, expires_at,
                    failed_attempts, created_at, method)
                values (?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(
                        id,
                        meeting.id().value(),
                        inviteeId,
                        direction.name(),
                        hash(id, code),
                        SqlTime.of(expires),
                        SqlTime.of(now),
                        method)
                .update();
        record(meeting, actor, inviteeId, "identity.confirmation.issued", direction + ", " + method);
        return new Issued(code, expires);
    }

    /** Checks a typed code against the live one for the invitee in this meeting and direction. */
    @Transactional
    Outcome check(MeetingSummary meeting, UUID inviteeId, Direction direction, String typed, String actor) {
        Instant now = clock.instant();
        Optional<Live> live = jdbc.sql("""
                select id, code_hash, failed_attempts, method from identity_confirmation
                where meeting_id = ? and invitee_id = ? and direction = ? and confirmed_at is null
                    and expires_at > ? and failed_attempts < ?
                for update""")
                .params(
                        meeting.id().value(),
                        inviteeId,
                        direction.name(),
                        SqlTime.of(now),
                        properties.confirmationMaxAttempts())
                .query((rs, n) -> new Live(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .optional();
        if (live.isEmpty()) {
            record(meeting, actor, inviteeId, "identity.confirmation.refused", direction + ": no live code");
            return new NoLiveCode();
        }
        Live row = live.get();
        String candidate = typed == null ? "" : typed.strip();
        if (MessageDigest.isEqual(bytes(row.codeHash()), bytes(hash(row.id(), candidate)))) {
            jdbc.sql("update identity_confirmation set confirmed_at = ? where id = ?")
                    .params(SqlTime.of(now), row.id())
                    .update();
            record(
                    meeting,
                    actor,
                    inviteeId,
                    "identity.confirmed",
                    direction + ", " + row.method() + " confirmed in the meeting at " + now);
            return new Confirmed(new Confirmation(row.method(), now));
        }
        int failed = row.failedAttempts() + 1;
        jdbc.sql("update identity_confirmation set failed_attempts = ? where id = ?")
                .params(failed, row.id())
                .update();
        int left = Math.max(0, properties.confirmationMaxAttempts() - failed);
        record(meeting, actor, inviteeId, "identity.confirmation.wrong", direction + ", " + left + " attempts left");
        return new Wrong(left);
    }

    /** The meeting's confirmed invitees, each with their latest confirmation. */
    Map<UUID, Confirmation> confirmed(UUID meetingId) {
        Map<UUID, Confirmation> confirmed = new HashMap<>();
        jdbc.sql("""
                select invitee_id, method, confirmed_at from identity_confirmation
                where meeting_id = ? and confirmed_at is not null order by confirmed_at""")
                .param(meetingId)
                .query((rs, n) ->
                        Map.entry(rs.getObject(1, UUID.class), new Confirmation(rs.getString(2), SqlTime.read(rs, 3))))
                .list()
                .forEach(entry -> confirmed.put(entry.getKey(), entry.getValue()));
        return confirmed;
    }

    private record Live(UUID id, String codeHash, int failedAttempts, String method) {}

    private String hash(UUID rowId, String code) {
        return HexFormat.of().formatHex(SecretKeys.hmac(key, (rowId + ":" + code).getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] bytes(String hex) {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }

    private void record(MeetingSummary meeting, String actor, UUID inviteeId, String action, String detail) {
        audit.record(
                meeting.organisationId().value(),
                actor,
                action,
                inviteeId.toString(),
                "meeting " + meeting.id() + ": " + detail);
    }
}
