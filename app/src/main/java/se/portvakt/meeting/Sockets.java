package se.portvakt.meeting;

import java.util.UUID;
import java.util.function.Function;

/**
 * The open signaling sockets and how to reach them. One node keeps them in memory ({@link LocalSockets});
 * with several nodes an implementation publishes through the broker and each node delivers to its own
 * sockets: nothing else in the feature knows which it is.
 */
interface Sockets {

    /** Tells the registry which meeting a guest is in now (after arriving, being moved or reconnecting). */
    void place(UUID participantId, UUID meetingId);

    /** Sends to every tab whose caller is in or hosting the meeting; {@code message} is made per caller. */
    void toMeeting(UUID meetingId, Function<Caller, ServerMessage> message);

    /** Sends to every host console of the organisation. */
    void toConsoles(UUID organisationId, Function<Caller.Host, ServerMessage> message);

    /** Sends to every tab of the guest participant. */
    void toGuest(UUID participantId, ServerMessage message);

    /** Sends {@code last} to every tab of the guest participant and closes them. */
    void closeGuest(UUID participantId, ServerMessage last);

    /** Sends {@code last} to every tab in the meeting and closes them. */
    void closeMeeting(UUID meetingId, ServerMessage last);
}
