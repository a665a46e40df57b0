package se.portvakt.guest;

import java.io.Serializable;
import java.time.Instant;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.Invitation;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;

/**
 * That a guest in this browser session has proved to be the invitee. Kept in the HTTP session, so it holds
 * no personal identity number: the invitee id says who, the method and level say how well.
 *
 * @param verifiedName the name an e-legitimation vouched for (shown to the host), or null for a link or a code
 * @param simulated true when a local e-legitimation simulator vouched, never a real service
 */
public record GuestIdentity(
        InviteeId inviteeId,
        MeetingId meetingId,
        IdentificationMethod method,
        AssuranceLevel level,
        String verifiedName,
        boolean simulated,
        Instant identifiedAt)
        implements Serializable {

    /** A proof by the link alone or by a one-time code: nobody vouched for a name. */
    static GuestIdentity unnamed(
            InviteeId inviteeId,
            MeetingId meetingId,
            IdentificationMethod method,
            AssuranceLevel level,
            Instant identifiedAt) {
        return new GuestIdentity(inviteeId, meetingId, method, level, null, false, identifiedAt);
    }

    /**
     * Whether this proof still lets its holder in: for this invitation in this meeting, strong enough for the
     * meeting's level now, and made after the invitation last changed whom it reaches or names. Whether the
     * invitee was removed is not asked.
     */
    public boolean holdsFor(MeetingSummary meeting, Invitation invitation) {
        return inviteeId.equals(invitation.inviteeId())
                && meeting.id().equals(invitation.meetingId())
                && holdsFor(meeting.id(), meeting.assuranceLevel(), invitation.identityChangedAt());
    }

    private boolean holdsFor(MeetingId meeting, AssuranceLevel required, Instant identityChangedAt) {
        return meetingId.equals(meeting)
                && satisfies(required)
                && (identityChangedAt == null || identifiedAt.isAfter(identityChangedAt));
    }

    /** Whether this proof is strong enough for a meeting that asks for {@code required}. */
    public boolean satisfies(AssuranceLevel required) {
        return level.compareTo(required) >= 0;
    }
}
