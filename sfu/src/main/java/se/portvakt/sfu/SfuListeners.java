package se.portvakt.sfu;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The app's listeners of an SFU's events, in-process or of its nodes, and each event handed to those of its kind. A
 * listener that throws is logged and the others still hear the event (one broken listener must not stop media work
 * for everyone).
 */
public final class SfuListeners {
    private static final System.Logger LOG = System.getLogger(SfuListeners.class.getName());

    private final List<Consumer<DominantSpeakerChanged>> speaker = new CopyOnWriteArrayList<>();
    private final List<Consumer<RenegotiationNeeded>> renegotiation = new CopyOnWriteArrayList<>();
    private final List<Consumer<ParticipantDisconnected>> disconnect = new CopyOnWriteArrayList<>();
    private final List<Consumer<MediaPathChanged>> path = new CopyOnWriteArrayList<>();

    public void onDominantSpeakerChanged(Consumer<DominantSpeakerChanged> listener) {
        speaker.add(listener);
    }

    public void onRenegotiationNeeded(Consumer<RenegotiationNeeded> listener) {
        renegotiation.add(listener);
    }

    public void onParticipantDisconnected(Consumer<ParticipantDisconnected> listener) {
        disconnect.add(listener);
    }

    public void onMediaPathChanged(Consumer<MediaPathChanged> listener) {
        path.add(listener);
    }

    /**
     * Hands one event to the listeners of its kind.
     *
     * @throws IllegalArgumentException if it is none of the SFU's events
     */
    public void deliver(Object event) {
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
                LOG.log(System.Logger.Level.WARNING, "SFU event listener (" + event + ")", e);
            }
        }
    }
}
