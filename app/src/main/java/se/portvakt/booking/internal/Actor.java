package se.portvakt.booking.internal;

import se.portvakt.audit.AuditActor;
import se.portvakt.ids.OrganisationId;

/**
 * Who asks booking to do something: a host in the portal or a system through the API.
 * Every operation is confined to {@code organisationId}.
 *
 * @param auditActor how the audit log names the actor: the staff user's or the API key's id
 */
public record Actor(OrganisationId organisationId, AuditActor auditActor) {}
