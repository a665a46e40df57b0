package se.portvakt.booking;

import se.portvakt.ids.MeetingId;

/** A meeting was cancelled (SEQUENCE bumped); published inside the booking transaction. */
public record MeetingCancelled(MeetingId meetingId) {}
