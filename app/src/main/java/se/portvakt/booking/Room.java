package se.portvakt.booking;

import java.util.UUID;

/** A named virtual meeting room; its name matches what the organiser sees in the calendar. */
public record Room(UUID id, UUID organisationId, String name) {}
