package se.portvakt.organisation;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A person who works for an organisation and logs in to the host portal. */
public record StaffUser(
        UUID id,
        UUID organisationId,
        String email,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        int failedLogins,
        Instant lockedUntil,
        boolean enabled) implements Serializable {

    public StaffUser {
        roles = Set.copyOf(roles);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean isHost() {
        return roles.contains(Role.HOST);
    }
}
