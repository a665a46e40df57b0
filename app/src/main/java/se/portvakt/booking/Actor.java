package se.portvakt.booking;

import java.util.UUID;

/**
 * Who asks booking to do something: a host in the portal or a system through the API.
 * Every operation is confined to {@code organisationId}.
 *
 * @param auditName how the audit log names the actor: a staff e-mail or {@code api:<key name>}
 */
public record Actor(UUID organisationId, String auditName) {}
