package se.portvakt.invitation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;

/**
 * Sends what the outbox holds, on every app node at once: each message is claimed by one conditional
 * UPDATE before it is sent, so only one node sends it.
 *
 * <p>Delivery is at least once, not exactly once. If a node dies after the SMTP server (or SMS gateway)
 * has accepted a message but before SENT is committed, the claim runs out and another node sends it
 * again. The resent e-mail carries the row's Message-ID and Date unchanged, so mail servers and clients
 * that de-duplicate see the same message, and a person sees it is the same invitation; its calendar part
 * has the same UID and SEQUENCE, so calendars update the one entry rather than adding a second. SMS
 * carry the Message-ID as Idempotency-Key for gateways that keep it.
 */
@Component
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    static final int BATCH = 100;
    /** Longer than any send can take (SMTP and HTTP time out after 30 s), so a live sender never loses its claim. */
    static final Duration CLAIM = Duration.ofMinutes(10);

    private final Outbox outbox;
    private final Couriers couriers;
    private final InvitationProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final Backoff backoff = Backoff.DEFAULT;

    OutboxWorker(Outbox outbox, Couriers couriers, InvitationProperties properties, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.couriers = couriers;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    // the default repeats InvitationProperties.pollInterval's, since an annotation cannot read a record
    @Scheduled(
            fixedDelayString = "${portvakt.invitation.poll-interval:PT2S}",
            initialDelayString = "${portvakt.invitation.poll-interval:PT2S}")
    void poll() {
        deliverDue();
    }

    /** Sends every message that is due now (up to one batch); returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        for (UUID id : outbox.due(clock.instant(), BATCH)) {
            Instant now = clock.instant();
            if (!outbox.claim(id, now, now.plus(CLAIM))) {
                continue; // another node or thread has it, or it was sent meanwhile
            }
            OutboxMessage message = outbox.find(id).orElseThrow();
            if (deliver(message)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(OutboxMessage message) {
        try {
            Route route = couriers.deliver(message);
            outbox.markSent(message.id(), route, clock.instant());
            return true;
        } catch (Exception e) {
            failed(message, e);
            return false;
        }
    }

    private void failed(OutboxMessage message, Exception e) {
        // logs name the row and the kind of error only: an SMTP or gateway message may quote the recipient
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (message.attempts() >= properties.maxAttempts()) {
            outbox.markFailed(message.id(), error);
            audit.record(AuditEntry.of(
                            new OrganisationId(message.organisationId()),
                            AuditAction.INVITATION_FAILED,
                            AuditActor.SYSTEM)
                    .meeting(MeetingId.of(message.meetingId()))
                    .subject(message.meetingId())
                    .detail("channel", message.channel())
                    .detail("invitee", message.inviteeId())
                    .detail("attempts", message.attempts()));
            log.error(
                    "Gave up on outbox message {} ({}) after {} attempts: {}",
                    message.id(),
                    message.channel(),
                    message.attempts(),
                    e.getClass().getName());
        } else {
            Instant next = clock.instant().plus(backoff.after(message.attempts()));
            outbox.markRetry(message.id(), error, next);
            log.warn(
                    "Outbox message {} ({}) failed on attempt {}, next try at {}: {}",
                    message.id(),
                    message.channel(),
                    message.attempts(),
                    next,
                    e.getClass().getName());
        }
    }
}
