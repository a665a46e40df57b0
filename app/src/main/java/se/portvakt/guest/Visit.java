package se.portvakt.guest;

import java.time.Instant;
import se.portvakt.booking.Invitation;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.ids.InviteeId;

/**
 * A guest's personal link, resolved: the invitation it was made for and its meeting. Neither holds another
 * invitee or anything decrypted, so resolving a link costs the same however many are invited.
 */
record Visit(String token, MeetingSummary meeting, Invitation invitation) {

    InviteeId inviteeId() {
        return invitation.inviteeId();
    }

    /** Why the link leads nowhere at {@code now}, or null when the meeting is still ahead or under way. */
    LinkClosed.Reason closedAt(Instant now) {
        if (invitation.removed() || meeting.status() == MeetingStatus.CANCELLED) {
            return LinkClosed.Reason.CANCELLED;
        }
        if (!meeting.end().isAfter(now)) {
            return LinkClosed.Reason.ENDED;
        }
        return null;
    }

    String path(String page) {
        return "/m/" + token + (page.isEmpty() ? "" : "/" + page);
    }
}
