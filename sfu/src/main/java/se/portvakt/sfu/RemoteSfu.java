package se.portvakt.sfu;

import java.util.function.Consumer;

/**
 * The SFU as SFU nodes carry it, processes of their own driven over their control API (docs/sfu-control.md): an
 * {@link Sfu} like the in-process one, whose events arrive as the nodes POST them to the app, which hands each in
 * here. Started by {@link Sfus#remote}.
 */
public interface RemoteSfu extends Sfu {

    /** Whether an {@code Authorization} header value (null when absent) carries the nodes' secret; constant time. */
    boolean fromANode(String authorization);

    /**
     * One event a node POSTed: handed to the listeners of its kind, on the caller's thread; a heartbeat registers
     * the node.
     *
     * @throws IllegalArgumentException if the JSON is no event
     */
    void deliver(byte[] event);

    /** Called on the watch's thread for each meeting whose node died, after its placement was forgotten. */
    void onMeetingNodeLost(Consumer<MeetingNodeLost> listener);
}
