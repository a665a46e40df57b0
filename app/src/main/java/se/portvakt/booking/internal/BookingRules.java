package se.portvakt.booking.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import se.portvakt.booking.ContactDetails;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.config.Languages;
import se.portvakt.person.PersonalIdentityNumber;

/** Checks a booking request and reports every problem at once, so the user can fix them in one go. */
public final class BookingRules {

    /** A field holds text no database stores as typed ({@link se.portvakt.config.StorableText}). */
    public static final String TEXT_UNSTORABLE = "booking.error.text-unstorable";

    public static final int MAX_TITLE = 200;
    public static final int MAX_INFORMATION = 4000;
    public static final int MAX_NAME = 200;
    static final Duration MAX_LENGTH = Duration.ofHours(12);
    /** A meeting may be booked to start a little in the past: the host may be late filling in the form. */
    static final Duration START_GRACE = Duration.ofMinutes(10);

    private BookingRules() {}

    public static List<BookingProblem> check(MeetingRequest request, Instant now, boolean isNew, int maxInvitees) {
        List<BookingProblem> problems = new ArrayList<>();
        if (request.title() == null || request.title().isBlank()) {
            problems.add(BookingProblem.of("title", "booking.error.title-required"));
        } else if (request.title().strip().length() > MAX_TITLE) {
            problems.add(BookingProblem.of("title", "booking.error.too-long", MAX_TITLE));
        }
        if (request.roomId() == null) {
            problems.add(BookingProblem.of("roomId", "booking.error.room-required"));
        }
        if (request.hostId() == null) {
            problems.add(BookingProblem.of("hostId", "booking.error.host-required"));
        }
        checkTime(request, now, isNew, problems);
        if (request.assuranceLevel() == null) {
            problems.add(BookingProblem.of("assuranceLevel", "booking.error.level-required"));
        }
        if (request.information() != null && request.information().length() > MAX_INFORMATION) {
            problems.add(BookingProblem.of("information", "booking.error.too-long", MAX_INFORMATION));
        }
        if (!Languages.isSupported(request.language())) {
            problems.add(BookingProblem.of("language", "booking.error.language"));
        }
        checkInvitees(request.invitees(), maxInvitees, problems);
        return problems;
    }

    private static void checkTime(MeetingRequest request, Instant now, boolean isNew, List<BookingProblem> problems) {
        if (request.start() == null) {
            problems.add(BookingProblem.of("start", "booking.error.start-required"));
        }
        if (request.end() == null) {
            problems.add(BookingProblem.of("end", "booking.error.end-required"));
        }
        if (request.start() == null || request.end() == null) {
            return;
        }
        if (!request.end().isAfter(request.start())) {
            problems.add(BookingProblem.of("end", "booking.error.end-before-start"));
        } else if (Duration.between(request.start(), request.end()).compareTo(MAX_LENGTH) > 0) {
            problems.add(BookingProblem.of("end", "booking.error.too-long-meeting", MAX_LENGTH.toHours()));
        }
        if (isNew && request.start().isBefore(now.minus(START_GRACE))) {
            problems.add(BookingProblem.of("start", "booking.error.start-in-past"));
        }
    }

    private static void checkInvitees(List<InviteeRequest> invitees, int maxInvitees, List<BookingProblem> problems) {
        if (invitees.size() > maxInvitees) {
            problems.add(BookingProblem.of("invitees", "booking.error.too-many-invitees", maxInvitees));
            return;
        }
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < invitees.size(); i++) {
            InviteeRequest invitee = invitees.get(i);
            String field = "invitees[" + i + "].";
            if (InviteeRequest.blank(invitee.name())) {
                problems.add(BookingProblem.of(field + "name", "booking.error.invitee-name-required"));
            } else if (invitee.name().strip().length() > MAX_NAME) {
                problems.add(BookingProblem.of(field + "name", "booking.error.too-long", MAX_NAME));
            }
            boolean noEmail = InviteeRequest.blank(invitee.email());
            boolean noMobile = InviteeRequest.blank(invitee.mobile());
            if (noEmail && noMobile) {
                problems.add(BookingProblem.of(field + "email", "booking.error.invitee-contact-required"));
            }
            if (!noEmail) {
                var email = ContactDetails.email(invitee.email());
                if (email.isEmpty()) {
                    problems.add(BookingProblem.of(field + "email", "booking.error.email-invalid"));
                } else if (!emails.add(email.get().toLowerCase(java.util.Locale.ROOT))) {
                    problems.add(BookingProblem.of(field + "email", "booking.error.email-duplicate"));
                }
            }
            if (!noMobile && ContactDetails.mobile(invitee.mobile()).isEmpty()) {
                problems.add(BookingProblem.of(field + "mobile", "booking.error.mobile-invalid"));
            }
            if (!InviteeRequest.blank(invitee.personalIdentityNumber())
                    && PersonalIdentityNumber.parse(invitee.personalIdentityNumber())
                            .isEmpty()) {
                problems.add(BookingProblem.of(field + "personalIdentityNumber", "booking.error.pin-invalid"));
            }
            Integer child = invitee.guardianOf();
            if (child != null && (child < 0 || child >= invitees.size() || child == i)) {
                problems.add(BookingProblem.of(field + "guardianOf", "booking.error.guardian-unknown"));
            } else if (child != null && invitees.get(child).guardianOf() != null) {
                // one level: a guardian's child is nobody's guardian in the same meeting
                problems.add(BookingProblem.of(field + "guardianOf", "booking.error.guardian-of-guardian"));
            }
        }
    }
}
