package se.portvakt.booking;

import se.portvakt.ids.MeetingId;

/** A meeting was booked; published inside the booking transaction, so listeners' writes commit with it. */
public record MeetingBooked(MeetingId meetingId) {}
