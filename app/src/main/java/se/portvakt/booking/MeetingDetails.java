package se.portvakt.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;

/**
 * A meeting as other features see it: everything needed to invite to it or show it.
 * Invitees include removed ones (see {@link InviteeDetails#removed()}).
 */
public record MeetingDetails(
        MeetingId id,
        OrganisationId organisationId,
        String organisationName,
        String title,
        Instant start,
        Instant end,
        ZoneId zone,
        String roomName,
        String hostName,
        String hostEmail,
        AssuranceLevel assuranceLevel,
        boolean confidential,
        String information,
        String language,
        MeetingStatus status,
        String calendarUid,
        int sequence,
        List<InviteeDetails> invitees) {

    public MeetingDetails {
        invitees = List.copyOf(invitees);
    }

    /** The meeting without its invitees. */
    public MeetingSummary summary() {
        return new MeetingSummary(
                id,
                organisationId,
                organisationName,
                title,
                start,
                end,
                zone,
                roomName,
                hostName,
                assuranceLevel,
                confidential,
                information,
                language,
                status);
    }

    public List<InviteeDetails> currentInvitees() {
        return invitees.stream().filter(invitee -> !invitee.removed()).toList();
    }
}
