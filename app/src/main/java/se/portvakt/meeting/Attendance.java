package se.portvakt.meeting;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.Invitation;
import se.portvakt.booking.MeetingCancelled;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.MeetingUpdated;
import se.portvakt.booking.Meetings;
import se.portvakt.ids.MeetingId;
import se.portvakt.lobby.Lobby;
import se.portvakt.lobby.Participant;
import se.portvakt.lobby.ParticipantState;
import se.portvakt.organisation.Organisations;

/**
 * Who may be in a meeting, asked again whenever the meeting or an invitation changes and before every host
 * command: a guest who lost the right is taken out at once, and {@link Departures} and {@link Broadcasts} do
 * the rest (media stopped, rosters and consoles told, the guest's tabs closed with the reason).
 */
@Component
class Attendance {

    /** Why a guest may not be (or enter) a meeting; {@code forGood} when no identification can bring them back. */
    record Lost(String reason, boolean forGood) {
        static final Lost CANCELLED = new Lost("CANCELLED", true);
        static final Lost IDENTIFY_AGAIN = new Lost("IDENTIFY_AGAIN", false);
        static final Lost NOT_ANONYMOUS = new Lost("NOT_ANONYMOUS", false);
        static final Lost RESCHEDULED = new Lost("RESCHEDULED", false);
    }

    private static final ParticipantState[] PRESENT_OR_WAITING = {
        ParticipantState.WAITING, ParticipantState.ADMITTED, ParticipantState.IN_MEETING
    };

    private final Lobby lobby;
    private final Meetings meetings;
    private final MeetingSessions sessions;
    private final MeetingClosing closing;
    private final Organisations organisations;
    private final Clock clock;

    Attendance(
            Lobby lobby,
            Meetings meetings,
            MeetingSessions sessions,
            MeetingClosing closing,
            Organisations organisations,
            Clock clock) {
        this.lobby = lobby;
        this.meetings = meetings;
        this.sessions = sessions;
        this.closing = closing;
        this.organisations = organisations;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void cancelled(MeetingCancelled event) {
        meetings.summary(event.meetingId()).ifPresent(meeting -> {
            for (Participant guest : lobby.ofMeeting(meeting.id(), PRESENT_OR_WAITING)) {
                if (!guest.isHost()) {
                    lobby.takeOut(guest.id(), true, Lost.CANCELLED.reason());
                }
            }
            closing.close(meeting.id().value(), meeting.organisationId().value(), "CANCELLED");
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void updated(MeetingUpdated event) {
        // whoever was uninvited or identified as someone the invitation no longer names, wherever they are now
        event.removedInvitees()
                .forEach(inviteeId -> lobby.ofInvitee(inviteeId)
                        .ifPresent(guest -> lobby.takeOut(guest.id(), true, Lost.CANCELLED.reason())));
        event.identityChanged()
                .forEach(inviteeId -> lobby.ofInvitee(inviteeId)
                        .ifPresent(guest -> lobby.takeOut(guest.id(), false, Lost.IDENTIFY_AGAIN.reason())));
        recheck(event.meetingId().value());
    }

    /** Takes out every guest of the meeting who no longer meets its terms. */
    void recheck(UUID meetingId) {
        meetings.summary(new MeetingId(meetingId)).ifPresent(meeting -> {
            for (Participant guest : lobby.ofMeeting(meeting.id(), PRESENT_OR_WAITING)) {
                if (!guest.isHost()) {
                    lost(guest, meeting).ifPresent(lost -> lobby.takeOut(guest.id(), lost.forGood(), lost.reason()));
                }
            }
        });
    }

    /**
     * The guest as they stand now, after taking them out if they lost the right to be here: a host command acts
     * only on someone still entitled. Hosts are always entitled.
     */
    Participant recheck(Participant participant) {
        if (participant.isHost() || participant.state().isFinal() || participant.state() == ParticipantState.LEFT) {
            return participant;
        }
        Optional<Lost> lost = meetings.summary(participant.meetingId()).flatMap(meeting -> lost(participant, meeting));
        if (lost.isEmpty()) {
            return participant;
        }
        lobby.takeOut(participant.id(), lost.get().forGood(), lost.get().reason());
        return lobby.find(participant.id()).orElseThrow();
    }

    /** Why the guest may not be in {@code meeting} (their own or one a host would move them to), if they may not. */
    Optional<Lost> lost(Participant guest, MeetingSummary meeting) {
        if (meeting.cancelled() || invitationWithdrawn(guest)) {
            return Optional.of(Lost.CANCELLED);
        }
        if (guest.level() == null || AssuranceLevel.valueOf(guest.level()).compareTo(meeting.assuranceLevel()) < 0) {
            return Optional.of(Lost.IDENTIFY_AGAIN);
        }
        if (guest.anonymous() && !meeting.confidential()) {
            return Optional.of(Lost.NOT_ANONYMOUS);
        }
        // moved to a later time before anyone opened it: the guest comes back when joining opens again
        if (!sessions.life(meeting.id().value()).started()
                && clock.instant()
                        .isBefore(meeting.start()
                                .minus(organisations
                                        .get(meeting.organisationId())
                                        .joinOpensBefore()))) {
            return Optional.of(Lost.RESCHEDULED);
        }
        return Optional.empty();
    }

    /**
     * Whether the guest's own invitation (in this meeting, or the one a host moved them from) was taken back. Reads
     * that one invitation: the meeting's other invitees, and their identity numbers, are not this check's business.
     */
    private boolean invitationWithdrawn(Participant guest) {
        return meetings.invitation(guest.inviteeId()).map(Invitation::removed).orElse(true);
    }
}
