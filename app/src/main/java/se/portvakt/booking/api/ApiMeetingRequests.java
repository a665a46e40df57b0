package se.portvakt.booking.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.portvakt.booking.Room;
import se.portvakt.booking.Rooms;
import se.portvakt.booking.api.ApiMeeting.InviteeBody;
import se.portvakt.booking.api.ApiMeeting.MeetingBody;
import se.portvakt.booking.internal.BookingProblem;
import se.portvakt.booking.internal.BookingRejected;
import se.portvakt.booking.internal.BookingRules;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.config.StorableText;
import se.portvakt.ids.OrganisationId;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.organisation.StaffUser;

/**
 * Turns an API body into a {@link MeetingRequest}: finds the room (by id or calendar name) and the host
 * (by e-mail) within the caller's organisation, and speaks of problems in the API's field names.
 */
@Component
class ApiMeetingRequests {

    static final String DEFAULT_LANGUAGE = "sv";
    private static final Pattern MASKED_PIN = Pattern.compile("\\d{8}-\\*{4}");

    private final Rooms rooms;
    private final StaffDirectory staff;

    ApiMeetingRequests(Rooms rooms, StaffDirectory staff) {
        this.rooms = rooms;
        this.staff = staff;
    }

    /**
     * The request, and what was wrong with its room, host or times. Invariant: when such a problem is
     * reported here, the request's roomId, hostId, start or end is null, so booking refuses it and stores nothing.
     *
     * @param roomByName the caller named the room, so booking's problems with roomId concern roomName
     */
    record Resolved(MeetingRequest request, List<BookingProblem> problems, boolean roomByName) {

        /** Booking's refusal in the API's field names, with this request's own problems in front. */
        BookingRejected explain(BookingRejected byBooking) {
            Set<String> reported = problems.stream().map(BookingProblem::field).collect(Collectors.toSet());
            List<BookingProblem> all = new ArrayList<>(problems);
            for (BookingProblem problem : byBooking.problems()) {
                BookingProblem renamed =
                        new BookingProblem(apiField(problem.field()), problem.code(), problem.arguments());
                if (!reported.contains(renamed.field())) {
                    all.add(renamed);
                }
            }
            return new BookingRejected(all);
        }

        private String apiField(String field) {
            if ("hostId".equals(field)) {
                return "hostEmail";
            }
            if ("roomId".equals(field) && roomByName) {
                return "roomName";
            }
            return field;
        }
    }

    /** The request in booking's terms; refused at once if it has fields the API does not know. */
    Resolved resolve(OrganisationId organisationId, MeetingBody body) {
        refuseUnknownFields(body);
        refuseUnstorableText(body);
        List<BookingProblem> problems = new ArrayList<>();
        UUID roomId = room(organisationId, body, problems);
        UUID hostId = host(organisationId, body.hostEmail(), problems);
        List<InviteeRequest> invitees = body.invitees() == null
                ? List.of()
                : body.invitees().stream().map(ApiMeetingRequests::invitee).toList();
        Instant start = time("start", body.start(), problems)
                .map(OffsetDateTime::toInstant)
                .orElse(null);
        Instant end =
                time("end", body.end(), problems).map(OffsetDateTime::toInstant).orElse(null);
        MeetingRequest request = new MeetingRequest(
                body.title(),
                roomId,
                hostId,
                start,
                end,
                body.assuranceLevel(),
                Boolean.TRUE.equals(body.confidential()),
                body.information(),
                body.language() == null ? DEFAULT_LANGUAGE : body.language(),
                invitees);
        return new Resolved(request, problems, !blank(body.roomName()));
    }

    private UUID room(OrganisationId organisationId, MeetingBody body, List<BookingProblem> problems) {
        if (blank(body.roomName())) {
            return body.roomId();
        }
        Optional<Room> named = rooms.byName(organisationId, body.roomName())
                .flatMap(room -> rooms.findActive(organisationId, room.id()));
        if (named.isEmpty()) {
            problems.add(BookingProblem.of("roomName", "booking.error.room-unknown"));
            return null;
        }
        if (body.roomId() != null && !body.roomId().equals(named.get().id().value())) {
            problems.add(BookingProblem.of("roomName", "api.error.room-mismatch"));
            return null;
        }
        return named.get().id().value();
    }

    private UUID host(OrganisationId organisationId, String email, List<BookingProblem> problems) {
        if (blank(email)) {
            return null; // booking says a host is required
        }
        Optional<StaffUser> host = staff.byEmail(email)
                .filter(user -> user.organisationId().equals(organisationId) && user.isHost() && user.enabled());
        if (host.isEmpty()) {
            problems.add(BookingProblem.of("hostEmail", "booking.error.host-unknown"));
            return null;
        }
        return host.get().id().value();
    }

    private static void refuseUnknownFields(MeetingBody body) {
        List<BookingProblem> unknown = new ArrayList<>();
        unknownFields("", body.unknownFields(), unknown);
        List<InviteeBody> invitees = body.invitees() == null ? List.of() : body.invitees();
        for (int i = 0; i < invitees.size(); i++) {
            if (invitees.get(i) != null) {
                unknownFields("invitees[" + i + "].", invitees.get(i).unknownFields(), unknown);
            }
        }
        if (!unknown.isEmpty()) {
            throw new BookingRejected(unknown);
        }
    }

    /** Before anything is looked up by it: PostgreSQL refuses even a query with a NUL in it. */
    private static void refuseUnstorableText(MeetingBody body) {
        List<BookingProblem> unstorable = StorableText.unstorableFields(body).stream()
                .map(field -> BookingProblem.of(field, BookingRules.TEXT_UNSTORABLE))
                .toList();
        if (!unstorable.isEmpty()) {
            throw new BookingRejected(unstorable);
        }
    }

    private static void unknownFields(String prefix, Map<String, Object> fields, List<BookingProblem> problems) {
        if (fields != null) {
            fields.keySet().stream()
                    .sorted()
                    .forEach(name -> problems.add(BookingProblem.of(prefix + name, "api.error.unknown-field")));
        }
    }

    /** A JSON null in the list is an invitee with nothing filled in: booking says what is missing. */
    static InviteeRequest invitee(InviteeBody body) {
        if (body == null) {
            return new InviteeRequest(null, null, null, null, null);
        }
        return new InviteeRequest(
                body.id(),
                body.name(),
                body.email(),
                body.mobile(),
                keepsNumberOnFile(body) ? null : body.personalIdentityNumber(),
                body.guardianOf());
    }

    /** An existing invitee sent back as read (YYYYMMDD-****) keeps the number on file. */
    static boolean keepsNumberOnFile(InviteeBody body) {
        return body.id() != null
                && body.personalIdentityNumber() != null
                && MASKED_PIN.matcher(body.personalIdentityNumber().strip()).matches();
    }

    /**
     * An ISO-8601 time with offset, or empty when none is given. A '+' sent unencoded in a query string
     * arrives as a space, so a space is read as '+'.
     */
    static Optional<OffsetDateTime> time(String field, String value, List<BookingProblem> problems) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip().replace(' ', '+')));
        } catch (DateTimeParseException e) {
            problems.add(BookingProblem.of(field, "api.error.date-time-invalid"));
            return Optional.empty();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
