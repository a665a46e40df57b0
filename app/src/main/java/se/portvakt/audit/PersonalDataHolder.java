package se.portvakt.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import se.portvakt.person.PersonalIdentityNumber;

/**
 * A feature that holds personal data about people known by identity number, for the person's own export and for
 * finding their records in the audit log. The audit feature cannot depend on the features that write to it, so they
 * implement this and audit asks them all.
 */
public interface PersonalDataHolder {

    PersonalData about(UUID organisationId, PersonalIdentityNumber person);

    /** The organisations in which this feature holds anything about the person (for the person's own export). */
    default Set<UUID> organisationsOf(PersonalIdentityNumber person) {
        return Set.of();
    }

    /** The invitations that name the person (by the keyed hash of their number): their guests' records are theirs. */
    default Set<UUID> invitationsOf(UUID organisationId, String personIndex) {
        return Set.of();
    }

    /**
     * @param source what the items are, e.g. "invitations" (a key, not a text for people)
     * @param items one map per thing held, field name to value, in the order the holder chose
     */
    record PersonalData(String source, List<Map<String, String>> items) {}
}
