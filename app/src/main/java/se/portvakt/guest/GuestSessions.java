package se.portvakt.guest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.portvakt.booking.Invitation;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.config.SessionRenewal;
import se.portvakt.ids.InviteeId;

/** Which invitees this browser session has proved to be; any identification flow records its result here. */
public final class GuestSessions {

    static final String ATTRIBUTE = GuestSessions.class.getName() + ".identities";

    private GuestSessions() {}

    /**
     * Records a successful identification under a new session id, so an id planted before it
     * (session fixation) is worth nothing after it.
     */
    public static void identified(HttpServletRequest request, GuestIdentity identity) {
        HttpSession session = SessionRenewal.renew(request);
        Map<InviteeId, GuestIdentity> identities = new HashMap<>(identities(session));
        identities.put(identity.inviteeId(), identity);
        // set again, not changed in place: a shared session store only sees what is set
        session.setAttribute(ATTRIBUTE, identities);
    }

    /** This session's proof for the invitation, if it is for this meeting and strong enough for it now. */
    public static Optional<GuestIdentity> identity(
            HttpServletRequest request, MeetingSummary meeting, Invitation invitation) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(identities(session).get(invitation.inviteeId()))
                .filter(identity -> identity.holdsFor(meeting, invitation));
    }

    /** {@link #identity(HttpServletRequest, MeetingSummary, Invitation)} for the invitation a link leads to. */
    static Optional<GuestIdentity> identity(HttpServletRequest request, Visit visit) {
        return identity(request, visit.meeting(), visit.invitation());
    }

    /** Every invitee this session has proved to be (for the signaling handshake, which has no link). */
    public static Collection<GuestIdentity> identities(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? List.of() : List.copyOf(identities(session).values());
    }

    @SuppressWarnings("unchecked")
    private static Map<InviteeId, GuestIdentity> identities(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof Map<?, ?> map ? (Map<InviteeId, GuestIdentity>) map : Map.of();
    }
}
