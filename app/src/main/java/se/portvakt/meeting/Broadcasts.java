package se.portvakt.meeting;

import java.util.HashMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import se.portvakt.lobby.Lobby;
import se.portvakt.lobby.ParticipantChanged;
import se.portvakt.lobby.ParticipantState;

/**
 * Tells every tab concerned what changed, once the change is committed: a fresh state to the meeting's tabs,
 * the waiting room to the organisation's consoles, and the last word to a guest who was denied or removed.
 */
@Component
class Broadcasts {

    private final Sockets sockets;
    private final Snapshots snapshots;
    private final Lobby lobby;

    Broadcasts(Sockets sockets, Snapshots snapshots, Lobby lobby) {
        this.sockets = sockets;
        this.snapshots = snapshots;
        this.lobby = lobby;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void participantChanged(ParticipantChanged change) {
        ParticipantState state = change.state();
        if (state == ParticipantState.DENIED || state == ParticipantState.REMOVED) {
            String words = state == ParticipantState.DENIED
                    ? lobby.find(change.participantId()).map(participant -> participant.denyMessage()).orElse(null)
                    : null;
            sockets.closeGuest(change.participantId(), new ServerMessage.Closed(state.name(), words));
        } else if (state == ParticipantState.LEFT) {
            sockets.closeGuest(change.participantId(), new ServerMessage.Closed("LEFT", null));
        } else {
            // a guest's tabs follow them (into the waiting room, the meeting, or another meeting)
            sockets.place(change.participantId(), change.meetingId(), state == ParticipantState.IN_MEETING);
        }
        meetingChanged(change.meetingId(), null);
        if (!change.previousMeetingId().equals(change.meetingId())) {
            meetingChanged(change.previousMeetingId(), null);
        }
        if (change.arrived()) {
            ServerMessage.Arrived arrived = lobby.find(change.participantId())
                    .map(participant -> new ServerMessage.Arrived(snapshots.waiting(participant, new HashMap<>())))
                    .orElse(null);
            if (arrived != null) {
                sockets.toConsoles(change.organisationId(), host -> arrived);
            }
        }
        consoles(change.organisationId());
    }

    /** A fresh state to every tab in the meeting (and the consoles when {@code organisationId} is given). */
    void meetingChanged(UUID meetingId, UUID organisationId) {
        sockets.toMeeting(meetingId, caller -> snapshots.state(caller).orElse(null));
        if (organisationId != null) {
            consoles(organisationId);
        }
    }

    void consoles(UUID organisationId) {
        sockets.toConsoles(organisationId, snapshots::lobby);
    }
}
