package se.portvakt.booking;

import java.time.Instant;
import java.time.ZoneId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;

/**
 * A meeting without its invitees: what a list, a console, a signaling state or a guest's own page shows. Reading it
 * decrypts nothing and builds no links, so it is cheap enough to ask for on every push and every guest request.
 */
public record MeetingSummary(
        MeetingId id,
        OrganisationId organisationId,
        String organisationName,
        String title,
        Instant start,
        Instant end,
        ZoneId zone,
        String roomName,
        String hostName,
        AssuranceLevel assuranceLevel,
        boolean confidential,
        String information,
        String language,
        MeetingStatus status) {

    public boolean cancelled() {
        return status == MeetingStatus.CANCELLED;
    }
}
