package se.portvakt.booking;

import java.util.UUID;

/** A meeting was booked; published inside the booking transaction, so listeners' writes commit with it. */
public record MeetingBooked(UUID meetingId) {}
