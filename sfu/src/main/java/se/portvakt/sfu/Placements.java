package se.portvakt.sfu;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Which SFU node carries each meeting (or echo session), by the node's control URL: in this app node's memory ({@link
 * #inMemory}), or shared by every app node of a cluster (the app's Redis one). The first placement wins, so two app
 * nodes placing one meeting at once both end up on the same SFU node.
 */
public interface Placements {

    /** The node the meeting is on, if placed. */
    Optional<URI> nodeOf(String meetingId);

    /** Places the meeting on {@code node} unless it is placed already; answers the node it is on now. */
    URI placeIfAbsent(String meetingId, URI node);

    /** Forgets the meeting's placement if it is still on {@code node}; true if it was. */
    boolean remove(String meetingId, URI node);

    /** Forgets the meeting's placement, wherever it is (the meeting ended). */
    void remove(String meetingId);

    /** The meetings placed on {@code node} now. */
    Set<String> on(URI node);

    /** Placements in this process's memory: one app node. */
    static Placements inMemory() {
        return new LocalPlacements();
    }
}
