package se.portvakt.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;

/** A link-only meeting starting in five minutes (so joining is open), with named guests, and their links. */
record Rehearsal(Tenant tenant, MeetingDetails meeting, List<String> tokens) {

    static Rehearsal book(Tenant tenant, BookingService booking, InviteeLinks links, boolean confidential,
            String... guests) {
        return book(tenant, tenant.room().id(), booking, links, confidential, guests);
    }

    static Rehearsal book(Tenant tenant, UUID roomId, BookingService booking, InviteeLinks links, boolean confidential,
            String... guests) {
        Instant start = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<InviteeRequest> invitees = java.util.Arrays.stream(guests)
                .map(name -> new InviteeRequest(null, name, UUID.randomUUID().toString().substring(0, 8) + "@example.se",
                        null, null))
                .toList();
        UUID id = booking.book(tenant.actor(), new MeetingRequest("Samtal " + UUID.randomUUID().toString().substring(0, 6),
                roomId, tenant.host().id(), start, start.plus(Duration.ofMinutes(45)), AssuranceLevel.NONE,
                confidential, null, "sv", invitees));
        MeetingDetails booked = booking.details(id).orElseThrow();
        // invitees in the order the test named them
        List<String> names = List.of(guests);
        MeetingDetails meeting = new MeetingDetails(booked.id(), booked.organisationId(), booked.organisationName(),
                booked.title(), booked.start(), booked.end(), booked.zone(), booked.roomName(), booked.hostName(),
                booked.hostEmail(), booked.assuranceLevel(), booked.confidential(), booked.information(),
                booked.language(), booked.status(), booked.calendarUid(), booked.sequence(),
                booked.invitees().stream().sorted(java.util.Comparator.comparing(i -> names.indexOf(i.name()))).toList());
        return new Rehearsal(tenant, meeting, meeting.invitees().stream().map(i -> links.tokenFor(i.id())).toList());
    }

    UUID id() {
        return meeting.id();
    }

    UUID invitee(int index) {
        return meeting.invitees().get(index).id();
    }

    String token(int index) {
        return tokens.get(index);
    }

    static String password() {
        return Fixtures.PASSWORD;
    }
}
