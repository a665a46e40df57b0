package se.portvakt.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.person.PersonalIdentityNumber;

/** What other features may ask of booking: its only door. Booking's own service and tables stay behind it. */
public interface Meetings {

    /** The meeting without its invitees, whatever its status: nothing decrypted, no links built. */
    Optional<MeetingSummary> summary(MeetingId meetingId);

    /** The organisation's meetings starting in [from, to), earliest first, one page at a time. */
    List<MeetingSummary> between(OrganisationId organisationId, Instant from, Instant to, int page, int pageSize);

    /** The organisation that holds the meeting, or empty for a meeting we do not have. */
    Optional<OrganisationId> organisationOf(MeetingId meetingId);

    /** Of the given meetings, those the organisation holds. */
    Set<MeetingId> heldBy(OrganisationId organisationId, Collection<MeetingId> meetingIds);

    /** Whether two meetings are booked in the same room (a guest may be moved between them). */
    boolean sameRoom(MeetingId meetingId, MeetingId otherMeetingId);

    /**
     * Holds the meeting until the caller's transaction ends, so that decisions about who is in it (a guest
     * admitted, a host joining) are taken one at a time, on every node. Only inside a transaction.
     */
    void hold(MeetingId meetingId);

    /**
     * One invitation (removed ones too) without its meeting's other invitees: nothing decrypted, no link built. With
     * {@link #summary(MeetingId)}, what signaling, a guest's own pages and the citizen's need of an invitee.
     */
    Optional<Invitation> invitation(InviteeId inviteeId);

    /**
     * The e-mail address and mobile number one invitation (removed ones too) went to, nothing decrypted: for
     * matching what a guest types and sending them a one-time code.
     */
    Optional<InviteeContact> contact(InviteeId inviteeId);

    /**
     * The meeting with all its invitees (removed ones too), whatever its status. Decrypts every invitee's identity
     * number (to mask it) and builds every link: for pages and letters, not for what runs on every push.
     */
    Optional<MeetingDetails> details(MeetingId meetingId);

    /** The meeting with all its invitees, if the organisation holds it: another's meeting does not exist for it. */
    Optional<MeetingDetails> details(OrganisationId organisationId, MeetingId meetingId);

    /**
     * The person the invitation names, decrypted, or empty when it names none; the meeting's other invitees are
     * not read. Only for checking an e-legitimation against it: never shown, logged or sent to a browser.
     */
    Optional<PersonalIdentityNumber> invitedPerson(InviteeId inviteeId);

    /**
     * The invitations that name this person (by the searchable index of their number) and are still live: not
     * removed, in a scheduled meeting that ends after {@code endingAfter}. Invitee ids, in the meetings' order.
     */
    List<InviteeId> invitationsNaming(PersonalIdentityNumber person, Instant endingAfter);
}
