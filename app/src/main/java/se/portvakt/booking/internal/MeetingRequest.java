package se.portvakt.booking.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.portvakt.booking.AssuranceLevel;

/**
 * What a host (through the portal) or another system (through the API) asks to book or change.
 * Fields may be null or malformed: {@link BookingRules} says what is wrong, in the user's language.
 */
public record MeetingRequest(
        String title,
        UUID roomId,
        UUID hostId,
        Instant start,
        Instant end,
        AssuranceLevel assuranceLevel,
        boolean confidential,
        String information,
        String language,
        List<InviteeRequest> invitees) {

    public MeetingRequest {
        invitees = invitees == null ? List.of() : List.copyOf(invitees);
    }

    /**
     * One invitee.
     *
     * @param id an existing invitee of the meeting being changed, or null for a new one
     * @param personalIdentityNumber optional; for an existing invitee, blank keeps the number on file
     * @param guardianOf this invitee is the guardian of the invitee at this position (0-based) of the same request's
     *     list, e.g. a parent coming with their child; null for none
     */
    public record InviteeRequest(
            UUID id, String name, String email, String mobile, String personalIdentityNumber, Integer guardianOf) {

        public InviteeRequest(UUID id, String name, String email, String mobile, String personalIdentityNumber) {
            this(id, name, email, mobile, personalIdentityNumber, null);
        }

        public boolean isBlank() {
            return id == null && blank(name) && blank(email) && blank(mobile) && blank(personalIdentityNumber);
        }

        static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
