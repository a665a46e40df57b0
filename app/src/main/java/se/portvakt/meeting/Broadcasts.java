package se.portvakt.meeting;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import se.portvakt.ids.ParticipantId;
import se.portvakt.lobby.Lobby;
import se.portvakt.lobby.Participant;
import se.portvakt.lobby.ParticipantChanged;
import se.portvakt.lobby.ParticipantState;

/**
 * Tells every tab concerned what changed, once the change is committed: a fresh state to the meeting's tabs,
 * the waiting room to the organisation's consoles, and the last word to a guest who was denied or removed.
 */
@Component
class Broadcasts {

    /** How long toggles gather before one state goes out: short enough to feel immediate. */
    static final long COALESCE_MS = 100;

    private final Sockets sockets;
    private final Snapshots snapshots;
    private final Lobby lobby;
    private final Set<UUID> soon = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meeting-state-coalescer");
        thread.setDaemon(true);
        return thread;
    });

    Broadcasts(Sockets sockets, Snapshots snapshots, Lobby lobby) {
        this.sockets = sockets;
        this.snapshots = snapshots;
        this.lobby = lobby;
    }

    @Order(1)
    @TransactionalEventListener(fallbackExecution = true)
    void participantChanged(ParticipantChanged change) {
        ParticipantId participantId = change.participantId();
        UUID meetingId = change.meetingId().value();
        UUID organisationId = change.organisationId().value();
        ParticipantState state = change.state();
        if (state == ParticipantState.DENIED || state == ParticipantState.REMOVED || state == ParticipantState.LEFT) {
            Participant participant = lobby.find(participantId).orElse(null);
            String words = state == ParticipantState.DENIED && participant != null ? participant.denyMessage() : null;
            String reason = participant != null && participant.closedReason() != null
                    ? participant.closedReason()
                    : state.name();
            sockets.closeGuest(participantId.value(), new ServerMessage.Closed(reason, words));
        } else {
            // a guest's tabs follow them (into the waiting room, the meeting, or another meeting)
            sockets.place(participantId.value(), meetingId, state == ParticipantState.IN_MEETING);
        }
        meetingChanged(meetingId, null);
        if (!change.previousMeetingId().equals(change.meetingId())) {
            meetingChanged(change.previousMeetingId().value(), null);
        }
        if (change.arrived()) {
            ServerMessage.Arrived arrived = lobby.find(participantId)
                    .map(participant -> new ServerMessage.Arrived(snapshots.waiting(participant, new HashMap<>())))
                    .orElse(null);
            if (arrived != null) {
                sockets.toConsoles(organisationId, arrived);
            }
        }
        consoles(organisationId);
    }

    /**
     * A fresh state to the meeting's tabs soon, once for however many changes come meanwhile: for toggles
     * (hands, microphones, cameras) that would otherwise send everyone a full state each.
     */
    void meetingChangedSoon(UUID meetingId) {
        if (soon.add(meetingId)) {
            later.schedule(
                    () -> {
                        soon.remove(meetingId);
                        meetingChanged(meetingId, null);
                    },
                    COALESCE_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** A fresh state to every tab in the meeting (and the consoles when {@code organisationId} is given). */
    void meetingChanged(UUID meetingId, UUID organisationId) {
        sockets.stateToMeeting(meetingId);
        if (organisationId != null) {
            consoles(organisationId);
        }
    }

    @PreDestroy
    void stop() {
        later.shutdownNow();
    }

    void consoles(UUID organisationId) {
        sockets.lobbyToConsoles(organisationId);
    }
}
