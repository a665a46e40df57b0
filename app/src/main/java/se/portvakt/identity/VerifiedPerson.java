package se.portvakt.identity;

import se.portvakt.person.PersonalIdentityNumber;

/**
 * A person as an e-legitimation vouches for them.
 *
 * @param simulated true when a local simulator, not the real service, vouched: shown in the UI and the audit log
 */
public record VerifiedPerson(
        PersonalIdentityNumber personalIdentityNumber,
        String name,
        String givenName,
        String surname,
        EidMethod method,
        boolean simulated) {}
