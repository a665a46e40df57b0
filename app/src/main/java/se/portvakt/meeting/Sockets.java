package se.portvakt.meeting;

import java.util.UUID;
import java.util.function.Function;

/**
 * The open signaling sockets and how to reach them. One node keeps them in memory ({@link LocalSockets});
 * with several nodes an implementation publishes through the broker and each node delivers to its own
 * sockets: nothing else in the feature knows which it is.
 */
interface Sockets {

    /**
     * Tells the registry which meeting a guest belongs to now (after arriving, being moved or reconnecting), and
     * whether they are in it or still outside (waiting, or admitted before the host came).
     */
    void place(UUID participantId, UUID meetingId, boolean inMeeting);

    /** Sends to every tab whose caller belongs to or hosts the meeting; {@code message} is made per caller. */
    void toMeeting(UUID meetingId, Function<Caller, ServerMessage> message);

    /** Sends to the meeting's host views and its guests who are in it: what the waiting must not see. */
    void toPresent(UUID meetingId, ServerMessage message);

    /** Sends to the tab whose browser connection carries the participant's media (the last one that published). */
    void toMediaTab(UUID participantId, ServerMessage message);

    /** Sends to every host console of the organisation. */
    void toConsoles(UUID organisationId, Function<Caller.Host, ServerMessage> message);

    /** Sends to every tab of the guest participant. */
    void toGuest(UUID participantId, ServerMessage message);

    /** Sends {@code last} to every tab of the guest participant and closes them. */
    void closeGuest(UUID participantId, ServerMessage last);

    /** Sends {@code last} to every tab in the meeting and closes them. */
    void closeMeeting(UUID meetingId, ServerMessage last);
}
