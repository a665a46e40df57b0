package se.portvakt.meeting;

import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import se.portvakt.lobby.ParticipantChanged;
import se.portvakt.lobby.ParticipantState;

/**
 * Whoever is no longer in a meeting (left, removed, taken out, sent back, moved) takes their media, raised hand and
 * media state with them, whatever caused it: one rule here rather than a step each command might forget.
 */
@Component
class Departures {

    private final MediaRelay media;
    private final RaisedHands hands;
    private final MediaStates mediaStates;

    Departures(MediaRelay media, RaisedHands hands, MediaStates mediaStates) {
        this.media = media;
        this.hands = hands;
        this.mediaStates = mediaStates;
    }

    /** Runs before {@link Broadcasts}, so the state the others get no longer shows the hand or media. */
    @Order(0)
    @TransactionalEventListener(fallbackExecution = true)
    void participantChanged(ParticipantChanged change) {
        boolean stillThere = change.state() == ParticipantState.IN_MEETING
                && change.meetingId().equals(change.previousMeetingId());
        if (stillThere || change.arrived()) {
            return;
        }
        UUID left = change.previousMeetingId().value();
        UUID participantId = change.participantId().value();
        media.leave(left, participantId);
        hands.lower(left, participantId);
        mediaStates.forget(left, participantId);
    }
}
