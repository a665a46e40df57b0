package se.portvakt.booking;

import java.util.UUID;

/** A meeting with what a form needs to change it: the chosen room and host, and the version it was read at. */
public record EditableMeeting(MeetingDetails details, UUID roomId, UUID hostId, int version) {}
