package se.portvakt.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.MeetingBooked;
import se.portvakt.booking.MeetingCancelled;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.MeetingUpdated;
import se.portvakt.booking.Meetings;
import se.portvakt.ids.MeetingId;

/**
 * Turns booking's events into queued messages. The listeners are synchronous on purpose: they run inside
 * booking's transaction, so the change and the messages telling of it commit together or not at all
 * (the transactional outbox). Nothing is sent here; {@link OutboxWorker} sends after the commit.
 */
@Component
class InvitationListener {

    private final Meetings meetings;
    private final InvitationComposer composer;
    private final Outbox outbox;
    private final Couriers couriers;
    private final AuditLog audit;
    private final Clock clock;

    InvitationListener(
            Meetings meetings,
            InvitationComposer composer,
            Outbox outbox,
            Couriers couriers,
            AuditLog audit,
            Clock clock) {
        this.meetings = meetings;
        this.composer = composer;
        this.outbox = outbox;
        this.couriers = couriers;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(MeetingBooked event) {
        MeetingDetails meeting = details(event.meetingId());
        Queued queued = new Queued();
        meeting.currentInvitees().forEach(invitee -> queue(meeting, invitee, Notice.INVITATION, queued));
        queued.audit(meeting);
    }

    @EventListener
    void on(MeetingUpdated event) {
        MeetingDetails meeting = details(event.meetingId());
        Queued queued = new Queued();
        for (InviteeDetails invitee : meeting.currentInvitees()) {
            if (event.addedInvitees().contains(invitee.id())) {
                queue(meeting, invitee, Notice.INVITATION, queued);
            } else if (event.detailsChanged()) {
                queue(meeting, invitee, Notice.UPDATE, queued);
            }
        }
        meeting.invitees().stream()
                .filter(invitee -> event.removedInvitees().contains(invitee.id()))
                .forEach(invitee -> queue(meeting, invitee, Notice.WITHDRAWAL, queued));
        queued.audit(meeting);
    }

    @EventListener
    void on(MeetingCancelled event) {
        MeetingDetails meeting = details(event.meetingId());
        Queued queued = new Queued();
        meeting.currentInvitees().forEach(invitee -> queue(meeting, invitee, Notice.CANCELLATION, queued));
        queued.audit(meeting);
    }

    private MeetingDetails details(MeetingId meetingId) {
        // booking publishes only for meetings it has just written, in this transaction
        return meetings.details(meetingId)
                .orElseThrow(() -> new IllegalStateException("No meeting " + meetingId + " to send invitations for"));
    }

    private void queue(MeetingDetails meeting, InviteeDetails invitee, Notice notice, Queued queued) {
        Instant now = clock.instant();
        for (Draft draft : composer.compose(meeting, invitee, notice, couriers.smsEnabled())) {
            outbox.enqueue(meeting.organisationId(), meeting.id(), invitee.id(), draft, now);
            queued.count(notice, draft.channel());
        }
    }

    /** What one event queued, for the audit trail (counts only: no addresses). */
    private final class Queued {
        private final Map<Notice, Map<Channel, Integer>> counts = new EnumMap<>(Notice.class);

        void count(Notice notice, Channel channel) {
            counts.computeIfAbsent(notice, n -> new EnumMap<>(Channel.class)).merge(channel, 1, Integer::sum);
        }

        void audit(MeetingDetails meeting) {
            if (counts.isEmpty()) {
                return;
            }
            AuditEntry entry = AuditEntry.of(
                            meeting.organisationId(), AuditAction.INVITATIONS_QUEUED, AuditActor.SYSTEM)
                    .meeting(meeting.id())
                    .subject(meeting.id());
            for (Map.Entry<Notice, Map<Channel, Integer>> notice : counts.entrySet()) {
                for (Map.Entry<Channel, Integer> count : notice.getValue().entrySet()) {
                    entry = entry.detail(notice.getKey() + "." + count.getKey(), count.getValue());
                }
            }
            audit.record(entry);
        }
    }
}
