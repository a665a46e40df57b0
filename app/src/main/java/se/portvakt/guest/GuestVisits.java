package se.portvakt.guest;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.booking.Meetings;
import se.portvakt.ids.InviteeId;

/** Resolves personal links; every guest page starts here. */
@Component
class GuestVisits {

    private final InviteeLinks links;
    private final Meetings meetings;
    private final Clock clock;
    private final ObjectProvider<EndedMeetings> ended;

    GuestVisits(InviteeLinks links, Meetings meetings, Clock clock, ObjectProvider<EndedMeetings> ended) {
        this.ended = ended;
        this.links = links;
        this.meetings = meetings;
        this.clock = clock;
    }

    /**
     * The link's visit whatever the meeting's state; empty for a token we did not make. Every guest request comes
     * here, the e-ID status poll every 2 seconds, so it reads the one invitation and the meeting's summary, never
     * the meeting's other invitees or a number that would have to be decrypted.
     */
    Optional<Visit> find(String token) {
        return links.inviteeOf(token)
                .flatMap(inviteeId -> meetings.invitation(new InviteeId(inviteeId)))
                .flatMap(invitation ->
                        meetings.summary(invitation.meetingId()).map(meeting -> new Visit(token, meeting, invitation)));
    }

    /** The link's visit if the meeting is neither cancelled (for this invitee) nor over. */
    Visit open(String token) {
        return requireOpen(find(token).orElseThrow(() -> new LinkClosed(LinkClosed.Reason.INVALID)));
    }

    Visit requireOpen(Visit visit) {
        LinkClosed.Reason closed = visit.closedAt(clock.instant());
        if (closed == null
                && ended.stream()
                        .anyMatch(
                                meetings -> meetings.ended(visit.meeting().id().value()))) {
            closed = LinkClosed.Reason.ENDED;
        }
        if (closed != null) {
            throw new LinkClosed(closed);
        }
        return visit;
    }
}
