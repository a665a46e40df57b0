package se.portvakt.sfu;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * The SFU nodes the app knows, by control URL, with when each was last seen alive (its heartbeat, or an answer to
 * the app's watch): in this app node's memory ({@link #inMemory}), or shared by every app node of a cluster (the
 * app's Redis one), so a node's heartbeat reaching any app node registers it for all.
 */
public interface NodeRegistry {

    /** The node was alive at {@code at}; registers it if new. */
    void seen(URI node, Instant at);

    /** Every registered node and when it was last seen. */
    Map<URI, Instant> lastSeen();

    /**
     * Forgets the node if it was last seen before {@code before}. True only for the one call that forgot it, so of
     * several app nodes noticing a dead node at once exactly one acts on it.
     */
    boolean removeIfSilentSince(URI node, Instant before);

    /** A registry in this process's memory: one app node. */
    static NodeRegistry inMemory() {
        return new LocalNodeRegistry();
    }
}
