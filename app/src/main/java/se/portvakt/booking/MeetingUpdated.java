package se.portvakt.booking;

import java.util.Set;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;

/**
 * A meeting was changed; published inside the booking transaction.
 *
 * @param detailsChanged title, time, room or information changed: the calendar SEQUENCE was bumped and
 *     every current invitee must be told
 * @param addedInvitees invitees new to the meeting, to be invited
 * @param removedInvitees invitees taken off the meeting, to be told it is cancelled for them
 * @param identityChanged invitees whose address, number or named person changed: whoever identified as them
 *     before must do so again
 */
public record MeetingUpdated(
        MeetingId meetingId,
        boolean detailsChanged,
        Set<InviteeId> addedInvitees,
        Set<InviteeId> removedInvitees,
        Set<InviteeId> identityChanged) {

    public MeetingUpdated {
        addedInvitees = Set.copyOf(addedInvitees);
        removedInvitees = Set.copyOf(removedInvitees);
        identityChanged = Set.copyOf(identityChanged);
    }

    public MeetingUpdated(
            MeetingId meetingId, boolean detailsChanged, Set<InviteeId> addedInvitees, Set<InviteeId> removedInvitees) {
        this(meetingId, detailsChanged, addedInvitees, removedInvitees, Set.of());
    }

    public boolean anyoneToTell() {
        return detailsChanged || !addedInvitees.isEmpty() || !removedInvitees.isEmpty();
    }
}
