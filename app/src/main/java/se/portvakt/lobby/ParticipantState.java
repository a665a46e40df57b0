package se.portvakt.lobby;

/** Where a participant is. DENIED and REMOVED are final: the same invitee cannot come back to the meeting. */
public enum ParticipantState {
    /** In the waiting room, shown to the hosts of the organisation. */
    WAITING,
    /** Let in by a host before any host joined: enters when one does. */
    ADMITTED,
    IN_MEETING,
    DENIED,
    REMOVED,
    LEFT;

    public boolean isFinal() {
        return this == DENIED || this == REMOVED;
    }
}
