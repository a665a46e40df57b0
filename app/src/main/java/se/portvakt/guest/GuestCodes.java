package se.portvakt.guest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.InviteeContact;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.Meetings;
import se.portvakt.config.SecretKeys;
import se.portvakt.config.SqlTime;
import se.portvakt.guest.CodeState.Checked;
import se.portvakt.guest.CodeState.Locked;
import se.portvakt.guest.CodeState.Outcome;
import se.portvakt.guest.CodeState.Verified;
import se.portvakt.guest.CodeState.Wrong;
import se.portvakt.ids.InviteeId;

/**
 * LOA2: one-time codes to the address or number an invitation went to. The guest never learns whether
 * what they typed matched: a match sends a code, a mismatch sends nothing, and both look the same.
 * Each invitee's state row is locked (SELECT ... FOR UPDATE) for the length of a request or a try,
 * so parallel guesses cannot slip past the count.
 */
@Service
class GuestCodes {

    private static final Duration HOUR = Duration.ofHours(1);

    /** What asking for a code came to. */
    sealed interface Requested {}

    /** Sent if the contact matched (or not, if not, or if one was sent very recently): say only that. */
    record Accepted() implements Requested {}

    record TooMany(Instant retryAt) implements Requested {}

    record RefusedLocked(Instant until) implements Requested {}

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final OneTimeCodes codes;
    private final CodeMessages messages;
    private final GuestProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    GuestCodes(
            JdbcClient jdbc,
            Meetings meetings,
            SecretKeys keys,
            CodeMessages messages,
            GuestProperties properties,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.codes = new OneTimeCodes(keys.derive("guest-code"), new SecureRandom());
        this.messages = messages;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Requested request(MeetingSummary meeting, InviteeId inviteeId, ContactInput typed) {
        Instant now = clock.instant();
        CodeState state = lockState(inviteeId.value());
        if (state.lockedAt(now)) {
            record(meeting, inviteeId, AuditAction.GUEST_CODE_REFUSED, "locked until " + state.lockedUntil());
            return new RefusedLocked(state.lockedUntil());
        }
        List<Instant> lastHour = jdbc.sql("""
                select requested_at from guest_code_request where invitee_id = ? and requested_at > ?
                order by requested_at""")
                .params(inviteeId.value(), SqlTime.of(now.minus(HOUR)))
                .query((rs, n) -> SqlTime.read(rs, 1))
                .list();
        if (lastHour.size() >= properties.maxCodeRequestsPerHour()) {
            Instant retryAt = lastHour.get(lastHour.size() - properties.maxCodeRequestsPerHour())
                    .plus(HOUR);
            record(
                    meeting,
                    inviteeId,
                    AuditAction.GUEST_CODE_THROTTLED,
                    lastHour.size() + " requests in the last hour");
            return new TooMany(retryAt);
        }
        // where the invitation went is read only here, where it is compared and a code may go to it
        InviteeContact contact = meetings.contact(inviteeId).orElse(null);
        boolean matched = contact != null && typed.matches(contact);
        String detail = "no match with the invitation, nothing sent";
        boolean sent = false;
        if (matched && sentWithin(inviteeId.value(), now)) {
            detail = "matched " + typed.method() + ", not resent within " + properties.resendInterval();
        } else if (matched) {
            String code = codes.generate();
            sent = messages.send(meeting, contact, typed, code);
            if (sent) {
                save(
                        inviteeId.value(),
                        state.withCode(
                                codes.hash(inviteeId.value(), code), typed.method(), now, properties.codeValidity()));
                detail = "matched, sent by " + typed.method() + ", level " + meeting.assuranceLevel();
            } else {
                detail = "matched " + typed.method() + ", but SMS is off: nothing sent";
            }
        }
        jdbc.sql("insert into guest_code_request (invitee_id, requested_at, sent) values (?, ?, ?)")
                .params(inviteeId.value(), SqlTime.of(now), sent)
                .update();
        record(meeting, inviteeId, AuditAction.GUEST_CODE_REQUESTED, detail);
        return new Accepted();
    }

    @Transactional
    Outcome verify(MeetingSummary meeting, InviteeId inviteeId, String code) {
        Instant now = clock.instant();
        CodeState state = lockState(inviteeId.value());
        Checked checked = state.check(
                codes.hash(inviteeId.value(), code), now, properties.maxAttempts(), properties.lockDuration());
        save(inviteeId.value(), checked.next());
        Outcome outcome = checked.outcome();
        if (outcome instanceof Verified verified) {
            audit.record(entry(meeting, inviteeId, AuditAction.GUEST_CODE_VERIFIED)
                    .evidence(verified.method(), "LOA2", false));
        } else if (outcome instanceof Wrong wrong) {
            record(meeting, inviteeId, AuditAction.GUEST_CODE_WRONG, wrong.attemptsLeft() + " attempts left");
        } else if (outcome instanceof Locked locked && locked.justNow()) {
            record(
                    meeting,
                    inviteeId,
                    AuditAction.GUEST_CODE_LOCKED,
                    properties.maxAttempts() + " wrong codes, locked until " + locked.until());
        } else if (outcome instanceof Locked locked) {
            record(meeting, inviteeId, AuditAction.GUEST_CODE_REFUSED, "locked until " + locked.until());
        }
        return checked.outcome();
    }

    private boolean sentWithin(UUID inviteeId, Instant now) {
        return jdbc.sql("select count(*) from guest_code_request where invitee_id = ? and sent and requested_at > ?")
                        .params(inviteeId, SqlTime.of(now.minus(properties.resendInterval())))
                        .query(Long.class)
                        .single()
                > 0;
    }

    private CodeState lockState(UUID inviteeId) {
        jdbc.sql("insert into guest_code (invitee_id, failed_attempts) values (?, 0) on conflict do nothing")
                .param(inviteeId)
                .update();
        return jdbc.sql("""
                select code_hash, method, expires_at, failed_attempts, locked_until from guest_code
                where invitee_id = ? for update""")
                .param(inviteeId)
                .query((rs, n) -> new CodeState(
                        rs.getString(1),
                        rs.getString(2) == null ? null : IdentificationMethod.valueOf(rs.getString(2)),
                        SqlTime.read(rs, 3),
                        rs.getInt(4),
                        SqlTime.read(rs, 5)))
                .single();
    }

    private void save(UUID inviteeId, CodeState state) {
        jdbc.sql("""
                update guest_code set code_hash = ?, method = ?, expires_at = ?, failed_attempts = ?, locked_until = ?
                where invitee_id = ?""")
                .params(
                        state.codeHash(),
                        state.method() == null ? null : state.method().name(),
                        SqlTime.of(state.expiresAt()),
                        state.failedAttempts(),
                        SqlTime.of(state.lockedUntil()),
                        inviteeId)
                .update();
    }

    /** Never the typed address or the code: the invitee id names the subject. */
    private void record(MeetingSummary meeting, InviteeId inviteeId, AuditAction action, String outcome) {
        audit.record(entry(meeting, inviteeId, action).detail("outcome", outcome));
    }

    private static AuditEntry entry(MeetingSummary meeting, InviteeId inviteeId, AuditAction action) {
        return AuditEntry.of(meeting.organisationId(), action, AuditActor.guest(inviteeId))
                .meeting(meeting.id())
                .subject(inviteeId);
    }
}
