package se.portvakt.meeting;

import java.util.UUID;
import org.springframework.stereotype.Component;
import se.portvakt.ids.MeetingId;
import se.portvakt.lobby.Lobby;

/** Closes a meeting for everyone, because a host ended it or its booking was cancelled. */
@Component
class MeetingClosing {

    private final MeetingSessions sessions;
    private final ChatLog chat;
    private final RaisedHands hands;
    private final MediaStates mediaStates;
    private final Sockets sockets;
    private final Lobby lobby;
    private final MediaRelay media;
    private final Broadcasts broadcasts;

    MeetingClosing(
            MeetingSessions sessions,
            ChatLog chat,
            RaisedHands hands,
            MediaStates mediaStates,
            Sockets sockets,
            Lobby lobby,
            MediaRelay media,
            Broadcasts broadcasts) {
        this.sessions = sessions;
        this.chat = chat;
        this.hands = hands;
        this.mediaStates = mediaStates;
        this.sockets = sockets;
        this.lobby = lobby;
        this.media = media;
        this.broadcasts = broadcasts;
    }

    /**
     * Ends the meeting: every tab gets {@code closed{reason}}, chat and hands are dropped, media stops, whoever is
     * still there has left. True when this call ended it (not an earlier one).
     *
     * @param reason ENDED or CANCELLED
     */
    boolean close(UUID meetingId, UUID organisationId, String reason) {
        if (!sessions.end(meetingId)) {
            return false;
        }
        chat.forget(meetingId);
        hands.forget(meetingId);
        mediaStates.forget(meetingId);
        sockets.closeMeeting(meetingId, new ServerMessage.Closed(reason, null));
        lobby.meetingEnded(new MeetingId(meetingId));
        media.end(meetingId);
        broadcasts.consoles(organisationId);
        return true;
    }
}
