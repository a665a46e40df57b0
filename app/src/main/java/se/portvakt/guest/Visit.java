package se.portvakt.guest;

import java.time.Instant;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.MeetingStatus;

/** A guest's personal link, resolved: the invitee it was made for and their meeting. */
record Visit(String token, MeetingDetails meeting, InviteeDetails invitee) {

    /** Why the link leads nowhere at {@code now}, or null when the meeting is still ahead or under way. */
    LinkClosed.Reason closedAt(Instant now) {
        if (invitee.removed() || meeting.status() == MeetingStatus.CANCELLED) {
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
