package se.portvakt.meeting;

import java.util.UUID;

/** Who is at the other end of a signaling socket, as the handshake established from the HTTP session. */
sealed interface Caller {

    /** A staff user: on the console ({@code meetingId} null) or in one meeting's host view. */
    record Host(UUID staffId, UUID organisationId, String name, UUID meetingId) implements Caller {
        boolean onConsole() {
            return meetingId == null;
        }
    }

    /** A guest who proved to be the invitee; their participant row says where they are now. */
    record Guest(UUID inviteeId, UUID participantId) implements Caller {}
}
