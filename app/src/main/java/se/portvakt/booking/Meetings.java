package se.portvakt.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.portvakt.person.PersonalIdentityNumber;

/** What other features may ask of booking. */
public interface Meetings {

    /** The meeting with all its invitees (removed ones too), whatever its status. */
    Optional<MeetingDetails> details(UUID meetingId);

    /** The meeting an invitee (removed ones too) was invited to, whatever its status. */
    Optional<MeetingDetails> ofInvitee(UUID inviteeId);

    /**
     * The person the invitation names, decrypted, or empty when it names none. Only for checking an
     * e-legitimation against it: never shown, logged or sent to a browser.
     */
    Optional<PersonalIdentityNumber> invitedPerson(UUID inviteeId);

    /**
     * The invitations that name this person (by the searchable index of their number) and are still live: not
     * removed, in a scheduled meeting that ends after {@code endingAfter}. Invitee ids, in the meetings' order.
     */
    List<UUID> invitationsNaming(PersonalIdentityNumber person, Instant endingAfter);
}
