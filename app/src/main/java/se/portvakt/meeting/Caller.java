package se.portvakt.meeting;

import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.ParticipantId;
import se.portvakt.ids.StaffId;

/** Who is at the other end of a signaling socket, as the handshake established from the HTTP session. */
sealed interface Caller {

    /** A staff user: on the console ({@code meetingId} null) or in one meeting's host view. */
    record Host(StaffId staffId, OrganisationId organisationId, String name, MeetingId meetingId) implements Caller {
        boolean onConsole() {
            return meetingId == null;
        }
    }

    /** A guest who proved to be the invitee; their participant row says where they are now. */
    record Guest(InviteeId inviteeId, ParticipantId participantId) implements Caller {}
}
