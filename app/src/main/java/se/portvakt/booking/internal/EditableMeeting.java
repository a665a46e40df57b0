package se.portvakt.booking.internal;

import java.util.UUID;
import se.portvakt.booking.MeetingDetails;

/** A meeting with what a form needs to change it: the chosen room and host, and the version it was read at. */
public record EditableMeeting(MeetingDetails details, UUID roomId, UUID hostId, int version) {}
