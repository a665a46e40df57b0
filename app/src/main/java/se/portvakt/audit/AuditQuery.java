package se.portvakt.audit;

import java.time.Instant;
import java.util.UUID;
import se.portvakt.person.PersonalIdentityNumber;

/**
 * What an administrator searches the organisation's log for; every criterion is optional.
 *
 * @param person matched by the keyed hash of the number, never by the number itself
 * @param staffId records the staff user caused
 * @param from inclusive
 * @param to exclusive
 */
public record AuditQuery(UUID organisationId, UUID meetingId, PersonalIdentityNumber person, UUID staffId,
        Instant from, Instant to) {

    public static AuditQuery all(UUID organisationId) {
        return new AuditQuery(organisationId, null, null, null, null, null);
    }
}
