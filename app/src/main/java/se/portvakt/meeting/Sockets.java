package se.portvakt.meeting;

import java.util.UUID;

/**
 * The open signaling sockets and how to reach them. One node keeps them in memory ({@link LocalSockets});
 * with several nodes {@link RedisSockets} publishes each call as a {@link SocketIntent} and every node delivers it
 * to its own sockets: nothing else in the feature knows which it is. So every method is an intent a node can carry
 * out alone: a message, or what to render for each receiver, never a function of the caller's.
 */
interface Sockets {

    /**
     * Tells the registry which meeting a guest belongs to now (after arriving, being moved or reconnecting), and
     * whether they are in it or still outside (waiting, or admitted before the host came).
     */
    void place(UUID participantId, UUID meetingId, boolean inMeeting);

    /** Sends every tab whose caller belongs to or hosts the meeting its own fresh {@code state}. */
    void stateToMeeting(UUID meetingId);

    /** Sends to the meeting's host views and its guests who are in it: what the waiting must not see. */
    void toPresent(UUID meetingId, ServerMessage message);

    /** Sends to the tab whose browser connection carries the participant's media (the last one that published). */
    void toMediaTab(UUID participantId, ServerMessage message);

    /** Sends every host console of the organisation its fresh waiting room ({@code lobby}). */
    void lobbyToConsoles(UUID organisationId);

    /** Sends to every host console of the organisation. */
    void toConsoles(UUID organisationId, ServerMessage message);

    /** Sends to every tab of the guest participant. */
    void toGuest(UUID participantId, ServerMessage message);

    /** Sends {@code last} to every tab of the guest participant and closes them. */
    void closeGuest(UUID participantId, ServerMessage last);

    /** Sends {@code last} to every tab in the meeting and closes them. */
    void closeMeeting(UUID meetingId, ServerMessage last);
}
