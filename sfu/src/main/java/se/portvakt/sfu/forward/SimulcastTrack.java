package se.portvakt.sfu.forward;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The simulcast layers of one sending m-section: one {@link PublisherStream} per rid, ordered as the offer's
 * a=simulcast lists them (low to high for our client). A receiver gets one {@link Subscriber} per track, fed by
 * whichever layer {@link LayerChoice} picks for it; a switch waits for the new layer's keyframe
 * ({@link Subscriber#switchAtKeyframe}).
 *
 * <p>Locking: called under the room's monitor (layers are added and choices made there).
 */
public final class SimulcastTrack {
    /** A layer with no packet for this long is inactive (the browser stopped it, e.g. for bandwidth). */
    public static final long INACTIVE_AFTER_NANOS = 1_000_000_000L;

    private final String publisherId;
    private final String mid;
    private final List<String> rids;
    private final PublisherStream[] layers;

    /** @param rids the layers' rids, low to high */
    public SimulcastTrack(String publisherId, String mid, List<String> rids) {
        this.publisherId = publisherId;
        this.mid = mid;
        this.rids = List.copyOf(rids);
        this.layers = new PublisherStream[rids.size()];
    }

    public String publisherId() {
        return publisherId;
    }

    public String mid() {
        return mid;
    }

    /** How many layers the offer named (some may have no stream yet). */
    public int layerCount() {
        return layers.length;
    }

    /** The position of {@code stream} (0 lowest), or -1 if it is none of this track's layers. */
    public int indexOf(PublisherStream stream) {
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] == stream) {
                return i;
            }
        }
        return -1;
    }

    /** The layer's position (0 lowest), or -1 if the rid is not one of this track's. */
    public int indexOf(String rid) {
        return rids.indexOf(rid);
    }

    /** The stream of layer {@code index}, or null before its first packet. */
    public PublisherStream layer(int index) {
        return layers[index];
    }

    /** Records the stream carrying layer {@code index}; false if that layer already has one. */
    public boolean addLayer(int index, PublisherStream stream) {
        if (layers[index] != null) {
            return false;
        }
        layers[index] = stream;
        return true;
    }

    /** The layers seen so far, low to high. */
    public List<PublisherStream> layers() {
        List<PublisherStream> out = new ArrayList<>();
        for (PublisherStream layer : layers) {
            if (layer != null) {
                out.add(layer);
            }
        }
        return out;
    }

    public boolean isLayer(PublisherStream stream) {
        for (PublisherStream layer : layers) {
            if (layer == stream) {
                return true;
            }
        }
        return false;
    }

    /** Every receiver's copy of this track (each is a subscriber of its current layer, and of a pending one). */
    public List<Subscriber> copies() {
        Set<Subscriber> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Subscriber> out = new ArrayList<>();
        for (PublisherStream layer : layers) {
            if (layer != null) {
                for (Subscriber s : layer.subscribers()) {
                    if (seen.add(s)) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    /** The layer {@code copy} should get now; null when no layer is active. */
    public PublisherStream choice(Subscriber copy, long now) {
        boolean[] active = new boolean[layers.length];
        for (int i = 0; i < layers.length; i++) {
            active[i] = layers[i] != null && layers[i].receivedSince(now - INACTIVE_AFTER_NANOS);
        }
        int index = LayerChoice.choose(copy.prefersHigh(), active);
        return index < 0 ? null : layers[index];
    }

    /** Moves {@code copy} towards its choice, at the next keyframe of the chosen layer. */
    public void choose(Subscriber copy, long now) {
        PublisherStream target = choice(copy, now);
        if (target != null) {
            copy.switchAtKeyframe(target, now);
        }
    }

    /** Re-chooses for every copy: after a preference changed, a layer appeared, or one may have stopped. */
    public void chooseAll(long now) {
        copies().forEach(copy -> choose(copy, now));
    }
}
