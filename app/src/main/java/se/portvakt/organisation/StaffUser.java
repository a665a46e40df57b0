package se.portvakt.organisation;

import java.io.Serializable;
import java.util.Set;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;

/**
 * A person who works for an organisation and logs in to the host portal.
 *
 * @param passwordHash null for an invited member who has not set a password yet (or who signs in only through
 *     an identity provider)
 * @param enabled false once an administrator deactivated the member: no login of any kind
 * @param passwordChangeRequired true until the member replaces a password someone else chose (the bootstrap
 *     administrator's, from the configuration)
 */
public record StaffUser(
        StaffId id,
        OrganisationId organisationId,
        String email,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        boolean enabled,
        boolean passwordChangeRequired)
        implements Serializable {

    public StaffUser {
        roles = Set.copyOf(roles);
    }

    public boolean isHost() {
        return roles.contains(Role.HOST);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
