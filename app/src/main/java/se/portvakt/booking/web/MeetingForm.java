package se.portvakt.booking.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.internal.BookingProblem;
import se.portvakt.booking.internal.EditableMeeting;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.ids.InviteeId;

/**
 * The booking form as the browser sends it: text as typed, so a form with errors comes back
 * exactly as the host left it. Dates and times are in the organisation's time zone.
 */
record MeetingForm(
        String title,
        String roomId,
        String hostId,
        String date,
        String startTime,
        String endTime,
        String assuranceLevel,
        Boolean confidential,
        String information,
        String language,
        List<InviteeForm> invitees,
        Integer version) {

    static final int EMPTY_ROWS = 1;

    MeetingForm {
        confidential = Boolean.TRUE.equals(confidential);
        invitees = invitees == null ? new ArrayList<>() : new ArrayList<>(invitees);
    }

    /** @param guardianOf the row number (1-based, as the form shows it) of the child this invitee is guardian of */
    record InviteeForm(
            String id, String name, String email, String mobile, String personalIdentityNumber, String guardianOf) {

        InviteeForm(String id, String name, String email, String mobile, String personalIdentityNumber) {
            this(id, name, email, mobile, personalIdentityNumber, "");
        }

        static InviteeForm empty() {
            return new InviteeForm(null, "", "", "", "", "");
        }
    }

    static MeetingForm blank(UUID roomId, UUID hostId, LocalDate date, String language) {
        List<InviteeForm> rows = new ArrayList<>();
        for (int i = 0; i < EMPTY_ROWS; i++) {
            rows.add(InviteeForm.empty());
        }
        return new MeetingForm(
                "",
                roomId == null ? "" : roomId.toString(),
                hostId == null ? "" : hostId.toString(),
                date.toString(),
                "09:00",
                "09:45",
                AssuranceLevel.LOA2.name(),
                false,
                "",
                language,
                rows,
                null);
    }

    static MeetingForm of(EditableMeeting meeting) {
        MeetingDetails details = meeting.details();
        ZoneId zone = details.zone();
        List<InviteeDetails> current = details.currentInvitees();
        List<InviteeId> order = current.stream().map(InviteeDetails::id).toList();
        List<InviteeForm> rows = new ArrayList<>(current.stream()
                .map(i -> new InviteeForm(
                        i.id().toString(),
                        i.name(),
                        nullToBlank(i.email()),
                        nullToBlank(i.mobile()),
                        "",
                        i.guardianOf() == null || !order.contains(i.guardianOf())
                                ? ""
                                : Integer.toString(order.indexOf(i.guardianOf()) + 1)))
                .toList());
        return new MeetingForm(
                details.title(),
                meeting.roomId().toString(),
                meeting.hostId().toString(),
                details.start().atZone(zone).toLocalDate().toString(),
                details.start().atZone(zone).toLocalTime().toString(),
                details.end().atZone(zone).toLocalTime().toString(),
                details.assuranceLevel().name(),
                details.confidential(),
                nullToBlank(details.information()),
                details.language(),
                rows,
                meeting.version());
    }

    MeetingForm withAnotherRow() {
        List<InviteeForm> rows = new ArrayList<>(invitees);
        rows.add(InviteeForm.empty());
        return new MeetingForm(
                title,
                roomId,
                hostId,
                date,
                startTime,
                endTime,
                assuranceLevel,
                confidential,
                information,
                language,
                rows,
                version);
    }

    /** The request this form asks for; what cannot be read is added to {@code problems} and left null. */
    MeetingRequest toRequest(ZoneId zone, List<BookingProblem> problems) {
        LocalDate day = parse(() -> LocalDate.parse(date.strip()), "date", "booking.error.date-invalid", problems);
        LocalTime from =
                parse(() -> LocalTime.parse(startTime.strip()), "startTime", "booking.error.time-invalid", problems);
        LocalTime to = parse(() -> LocalTime.parse(endTime.strip()), "endTime", "booking.error.time-invalid", problems);
        // blank rows are left out, so a row number becomes the position among the rows that remain
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < invitees.size(); i++) {
            InviteeForm row = invitees.get(i);
            if (!new InviteeRequest(uuid(row.id()), row.name(), row.email(), row.mobile(), row.personalIdentityNumber())
                    .isBlank()) {
                kept.add(i);
            }
        }
        List<InviteeRequest> requests = kept.stream()
                .map(invitees::get)
                .map(row -> new InviteeRequest(
                        uuid(row.id()),
                        row.name(),
                        row.email(),
                        row.mobile(),
                        row.personalIdentityNumber(),
                        position(row.guardianOf(), kept)))
                .toList();
        return new MeetingRequest(
                title,
                uuid(roomId),
                uuid(hostId),
                day == null || from == null
                        ? null
                        : day.atTime(from).atZone(zone).toInstant(),
                day == null || to == null ? null : day.atTime(to).atZone(zone).toInstant(),
                level(assuranceLevel),
                confidential,
                information,
                language,
                requests);
    }

    /** Form field names differ from the request's where the form splits a value. */
    static String formField(String requestField) {
        return switch (requestField == null ? "" : requestField) {
            case "start" -> "startTime";
            case "end" -> "endTime";
            default -> requestField;
        };
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(Parse<T> parse, String field, String code, List<BookingProblem> problems) {
        try {
            return parse.get();
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(BookingProblem.of(field, code));
            return null;
        }
    }

    /** The kept position of the row numbered {@code typed} (1-based); -1 for a number of no kept row; null if blank. */
    private static Integer position(String typed, List<Integer> kept) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return kept.indexOf(Integer.parseInt(typed.strip()) - 1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AssuranceLevel level(String value) {
        try {
            return value == null ? null : AssuranceLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nullToBlank(String value) {
        return value == null ? "" : value;
    }
}
