package se.portvakt.booking;

public enum MeetingStatus {
    SCHEDULED,
    CANCELLED
}
