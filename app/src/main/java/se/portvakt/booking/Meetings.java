package se.portvakt.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.portvakt.person.PersonalIdentityNumber;

/** What other features may ask of booking: its only door. Booking's own service and tables stay behind it. */
public interface Meetings {

    /** The meeting without its invitees, whatever its status: nothing decrypted, no links built. */
    Optional<MeetingSummary> summary(UUID meetingId);

    /** The organisation's meetings starting in [from, to), earliest first, one page at a time. */
    List<MeetingSummary> between(UUID organisationId, Instant from, Instant to, int page, int pageSize);

    /** The organisation that holds the meeting, or empty for a meeting we do not have. */
    Optional<UUID> organisationOf(UUID meetingId);

    /** Of the given meetings, those the organisation holds. */
    Set<UUID> heldBy(UUID organisationId, Collection<UUID> meetingIds);

    /** Whether two meetings are booked in the same room (a guest may be moved between them). */
    boolean sameRoom(UUID meetingId, UUID otherMeetingId);

    /**
     * Holds the meeting until the caller's transaction ends, so that decisions about who is in it (a guest
     * admitted, a host joining) are taken one at a time, on every node. Only inside a transaction.
     */
    void hold(UUID meetingId);

    /** The meeting with all its invitees (removed ones too), whatever its status. */
    Optional<MeetingDetails> details(UUID meetingId);

    /** The meeting with all its invitees, if the organisation holds it: another's meeting does not exist for it. */
    Optional<MeetingDetails> details(UUID organisationId, UUID meetingId);

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
