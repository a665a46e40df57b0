package se.portvakt.sfu.server;

import java.util.function.Consumer;
import se.portvakt.sfu.DominantSpeakerChanged;
import se.portvakt.sfu.MediaPathChanged;
import se.portvakt.sfu.ParticipantDisconnected;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.SfuListeners;

/** What the SFU tells the app, made from a room's changes and handed to every listener in turn. */
final class SfuEvents {
    private final SfuListeners listeners = new SfuListeners();

    void onDominantSpeakerChanged(Consumer<DominantSpeakerChanged> listener) {
        listeners.onDominantSpeakerChanged(listener);
    }

    void onRenegotiationNeeded(Consumer<RenegotiationNeeded> listener) {
        listeners.onRenegotiationNeeded(listener);
    }

    void onParticipantDisconnected(Consumer<ParticipantDisconnected> listener) {
        listeners.onParticipantDisconnected(listener);
    }

    void onMediaPathChanged(Consumer<MediaPathChanged> listener) {
        listeners.onMediaPathChanged(listener);
    }

    void speakerChanged(Room room, String participantId) {
        listeners.deliver(new DominantSpeakerChanged(room.id(), participantId));
    }

    /** Every participant of the room whose streams changed is asked to offer again. */
    void renegotiations(Room room) {
        room.takeRenegotiations().forEach(listeners::deliver);
    }

    void disconnected(Room room, String participantId) {
        listeners.deliver(new ParticipantDisconnected(room.id(), participantId));
    }

    void pathChanged(Room room, String participantId, boolean lost) {
        listeners.deliver(new MediaPathChanged(room.id(), participantId, lost));
    }
}
