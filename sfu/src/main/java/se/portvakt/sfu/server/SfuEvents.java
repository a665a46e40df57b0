package se.portvakt.sfu.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import se.portvakt.sfu.DominantSpeakerChanged;
import se.portvakt.sfu.MediaPathChanged;
import se.portvakt.sfu.ParticipantDisconnected;
import se.portvakt.sfu.RenegotiationNeeded;

/**
 * What the SFU tells the app, to every listener in turn; a listener that throws is logged and the others still
 * hear it (one broken listener must not stop media work for everyone).
 */
final class SfuEvents {
    private static final System.Logger LOG = System.getLogger(SfuEvents.class.getName());

    private final List<Consumer<DominantSpeakerChanged>> speaker = new CopyOnWriteArrayList<>();
    private final List<Consumer<RenegotiationNeeded>> renegotiation = new CopyOnWriteArrayList<>();
    private final List<Consumer<ParticipantDisconnected>> disconnect = new CopyOnWriteArrayList<>();
    private final List<Consumer<MediaPathChanged>> path = new CopyOnWriteArrayList<>();

    void onDominantSpeakerChanged(Consumer<DominantSpeakerChanged> listener) {
        speaker.add(listener);
    }

    void onRenegotiationNeeded(Consumer<RenegotiationNeeded> listener) {
        renegotiation.add(listener);
    }

    void onParticipantDisconnected(Consumer<ParticipantDisconnected> listener) {
        disconnect.add(listener);
    }

    void onMediaPathChanged(Consumer<MediaPathChanged> listener) {
        path.add(listener);
    }

    void speakerChanged(Room room, String participantId) {
        fire(speaker, new DominantSpeakerChanged(room.id(), participantId), "dominant speaker listener");
    }

    /** Every participant of the room whose streams changed is asked to offer again. */
    void renegotiations(Room room) {
        for (RenegotiationNeeded event : room.takeRenegotiations()) {
            fire(renegotiation, event, "renegotiation listener");
        }
    }

    void disconnected(Room room, String participantId) {
        fire(disconnect, new ParticipantDisconnected(room.id(), participantId), "disconnect listener");
    }

    void pathChanged(Room room, String participantId, boolean lost) {
        fire(path, new MediaPathChanged(room.id(), participantId, lost), "media path listener");
    }

    private static <T> void fire(List<Consumer<T>> listeners, T event, String what) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, what, e);
            }
        }
    }
}
