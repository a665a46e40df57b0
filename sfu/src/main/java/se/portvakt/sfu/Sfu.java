package se.portvakt.sfu;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import se.portvakt.sfu.stats.MeetingStats;

/**
 * The SFU as the app sees it: meeting rooms of participants, each joined with a browser's
 * SDP offer and answered with ours. A UDP port per packet loop serves its rooms (ICE-lite, BUNDLE,
 * rtcp-mux), and a TCP port per loop for browsers without UDP. Implementations are thread-safe.
 */
public interface Sfu extends AutoCloseable {

    /** Opens an empty room; a second call with the same id is a no-op. */
    void createMeeting(String meetingId);

    /**
     * Opens an echo room for an equipment test: its one participant receives its own streams back, each in a receive
     * slot of its own offer (a sendrecv m-section will do). A second participant is refused, so nobody else is
     * reachable through it; a second call with the same id is a no-op. Closed with {@link #closeMeeting}.
     */
    void createEchoSession(String sessionId);

    /** Removes every participant and forgets the room. */
    void closeMeeting(String meetingId);

    /**
     * A browser's offer: joins the participant, or, when it already joined with the same ICE credentials,
     * renegotiates on the same connection (a track added or stopped, more receive slots for new streams, a slot
     * paused). An offer with other ICE credentials (a reloaded tab, a new connection) replaces the earlier one.
     *
     * @param sources the browser's own sending m-sections by mid: "microphone", "camera" or "screen"
     * @throws IllegalArgumentException if the room is unknown or the offer is unusable (no bundled audio or video
     *                                  we accept)
     */
    ParticipantAnswer negotiate(String meetingId, String participantId, String offerSdp, Map<String, String> sources);

    /** {@link #negotiate} with each track named by its kind (microphone, camera). */
    default ParticipantAnswer addParticipant(String meetingId, String participantId, String offerSdp) {
        return negotiate(meetingId, participantId, offerSdp, Map.of());
    }

    /**
     * The participant's wish for the simulcast layer of what arrives in some of its receive slots: "high" (the
     * highest layer the publisher sends, for its stage) or "low" (the lowest, for a small tile). Slots not named
     * keep their wish; a new copy starts low. Unknown slots, values and participants are ignored.
     *
     * @param layerByMid receive m-section mid to "high" or "low"
     */
    void preferLayers(String meetingId, String participantId, Map<String, String> layerByMid);

    /** Leaves: stops its streams and its subscriptions; unknown ids are ignored. */
    void removeParticipant(String meetingId, String participantId);

    /** Counters of every stream in the room at this moment. */
    MeetingStats stats(String meetingId);

    /** The whole SFU's counters since it started (for metrics): they only grow. */
    SfuTotals totals();

    /** Called (on the SFU's thread; return quickly) when a room's loudest participant changes. */
    void onDominantSpeakerChanged(Consumer<DominantSpeakerChanged> listener);

    /** Called (on the SFU's or the caller's thread; return quickly) when a participant should offer again. */
    void onRenegotiationNeeded(Consumer<RenegotiationNeeded> listener);

    /** Called (on the SFU's thread) after the SFU removed a participant whose ICE consent lapsed. */
    void onParticipantDisconnected(Consumer<ParticipantDisconnected> listener);

    /**
     * Called (on the SFU's thread; return quickly) when nothing has come from a participant's browser for
     * seconds, and again when something does.
     */
    void onMediaPathChanged(Consumer<MediaPathChanged> listener);

    /** The UDP address the SFU receives on (its ICE host candidate). */
    InetSocketAddress localAddress();

    /** The TCP address of its ICE-TCP candidate (RFC 6544, passive), when it has one. */
    Optional<InetSocketAddress> tcpAddress();

    /**
     * Every UDP address it receives media on: one per packet loop (docs/sfu.md, "Threads"), the first being {@link
     * #localAddress}. A meeting's participants are answered with one of them.
     */
    default java.util.List<InetSocketAddress> localAddresses() {
        return java.util.List.of(localAddress());
    }

    /** Every ICE-TCP address, one per packet loop; none without ICE-TCP. */
    default java.util.List<InetSocketAddress> tcpAddresses() {
        return tcpAddress().stream().toList();
    }

    /** Stops the receive loop and closes the socket. */
    @Override
    void close();
}
