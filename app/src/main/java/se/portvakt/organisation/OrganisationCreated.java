package se.portvakt.organisation;

import java.util.UUID;

/** An organisation was created; booking gives a demo organisation its rooms on this. */
public record OrganisationCreated(UUID organisationId, String name) {}
