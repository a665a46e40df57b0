package se.portvakt.audit;

import java.time.Instant;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;

/**
 * What an administrator searches the organisation's log for; every criterion is optional.
 *
 * @param personIndex the PinVault keyed hash of the person's identity number ({@link AuditSearch#personIndex}):
 *     the number itself never travels in a URL or a query
 * @param staffId records the staff user caused
 * @param from inclusive
 * @param to exclusive
 */
public record AuditQuery(
        OrganisationId organisationId,
        MeetingId meetingId,
        String personIndex,
        StaffId staffId,
        Instant from,
        Instant to) {

    public static AuditQuery all(OrganisationId organisationId) {
        return new AuditQuery(organisationId, null, null, null, null, null);
    }
}
