package se.portvakt.organisation;

import java.time.Instant;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;

/**
 * A one-time set-password link was made for a staff member and must reach them by e-mail (the invitation
 * feature sends it, in the organisation's language). Published inside the transaction that stores the link.
 */
public record PasswordLinkIssued(
        OrganisationId organisationId,
        StaffId staffId,
        String email,
        String displayName,
        PasswordLinks.Purpose purpose,
        String link,
        Instant expiresAt,
        String language) {}
