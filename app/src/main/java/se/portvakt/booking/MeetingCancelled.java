package se.portvakt.booking;

import java.util.UUID;

/** A meeting was cancelled (SEQUENCE bumped); published inside the booking transaction. */
public record MeetingCancelled(UUID meetingId) {}
