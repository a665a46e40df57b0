package se.portvakt.meeting;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import se.portvakt.booking.Invitation;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.Meetings;
import se.portvakt.guest.GuestIdentity;
import se.portvakt.guest.GuestSessions;
import se.portvakt.identity.StaffPrincipal;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.lobby.Lobby;

/**
 * Who may open a signaling socket, decided from the HTTP session at the upgrade: a host for the console
 * ({@code /ws?console}) or one of their organisation's meetings ({@code /ws?meeting=ID}); a guest for the
 * invitee they proved to be and have arrived as ({@code /ws?invitee=ID}). Anything else gets 403.
 */
@Component
class SignalingHandshake implements HandshakeInterceptor {

    static final String CALLER = SignalingHandshake.class.getName() + ".caller";

    private final Lobby lobby;
    private final Meetings meetings;

    SignalingHandshake(Lobby lobby, Meetings meetings) {
        this.lobby = lobby;
        this.meetings = meetings;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            return refuse(response);
        }
        Optional<Caller> caller = caller(servlet.getServletRequest());
        if (caller.isEmpty()) {
            return refuse(response);
        }
        attributes.put(CALLER, caller.get());
        return true;
    }

    Optional<Caller> caller(HttpServletRequest request) {
        if (request.getUserPrincipal() instanceof Authentication authentication
                && authentication.getPrincipal() instanceof StaffPrincipal staff) {
            if (request.getParameter("console") != null) {
                return Optional.of(new Caller.Host(staff.id(), staff.organisationId(), staff.displayName(), null));
            }
            return uuid(request.getParameter("meeting"))
                    .map(MeetingId::new)
                    .filter(meetingId -> lobby.organisationOf(meetingId)
                            .map(staff.organisationId()::equals)
                            .orElse(false))
                    .map(meetingId ->
                            new Caller.Host(staff.id(), staff.organisationId(), staff.displayName(), meetingId));
        }
        return uuid(request.getParameter("invitee"))
                .map(InviteeId::new)
                .flatMap(inviteeId -> guest(request, inviteeId));
    }

    private Optional<Caller> guest(HttpServletRequest request, InviteeId inviteeId) {
        Optional<GuestIdentity> identity = GuestSessions.identities(request).stream()
                .filter(proof -> proof.inviteeId().equals(inviteeId))
                .findFirst();
        // the invitation and its meeting's summary: opening a socket decrypts no invitee's identity number
        Optional<Invitation> invitation = meetings.invitation(inviteeId);
        Optional<MeetingSummary> meeting = invitation.flatMap(invited -> meetings.summary(invited.meetingId()));
        if (identity.isEmpty()
                || meeting.isEmpty()
                || invitation.get().removed()
                || meeting.get().cancelled()
                || !identity.get().holdsFor(meeting.get(), invitation.get())) {
            return Optional.empty();
        }
        return lobby.ofInvitee(inviteeId).map(participant -> new Caller.Guest(inviteeId, participant.id()));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean refuse(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        return false;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
        // nothing: the handler sends the first state
    }
}
