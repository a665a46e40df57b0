package se.portvakt.organisation;

import se.portvakt.ids.OrganisationId;

/** An organisation was created; booking gives a demo organisation its rooms on this. */
public record OrganisationCreated(OrganisationId organisationId, String name) {}
