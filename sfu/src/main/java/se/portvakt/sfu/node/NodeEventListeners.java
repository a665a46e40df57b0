package se.portvakt.sfu.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import se.portvakt.sfu.DominantSpeakerChanged;
import se.portvakt.sfu.MediaPathChanged;
import se.portvakt.sfu.ParticipantDisconnected;
import se.portvakt.sfu.RenegotiationNeeded;

/**
 * The app's listeners of a remote SFU, and each event a node sent handed to those of its kind. A listener that
 * throws is logged and the others still hear the event.
 */
final class NodeEventListeners {
    private static final System.Logger LOG = System.getLogger(NodeEventListeners.class.getName());

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

    /** Hands one event (as {@link NodeEvents#decode} returns it) to the listeners of its kind. */
    void deliver(Object event) {
        if (event instanceof DominantSpeakerChanged changed) {
            fire(speaker, changed);
        } else if (event instanceof RenegotiationNeeded needed) {
            fire(renegotiation, needed);
        } else if (event instanceof ParticipantDisconnected disconnected) {
            fire(disconnect, disconnected);
        } else if (event instanceof MediaPathChanged changed) {
            fire(path, changed);
        } else {
            throw new IllegalArgumentException("not an SFU event: " + event);
        }
    }

    private static <T> void fire(List<Consumer<T>> listeners, T event) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "SFU event listener", e);
            }
        }
    }
}
