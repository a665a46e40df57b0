package se.portvakt.sfu;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import se.portvakt.sfu.stats.MeetingStats;

/**
 * The SFU as the app sees it: meeting rooms of participants, each joined with a browser's
 * SDP offer and answered with ours. One UDP port serves every room (ICE-lite, BUNDLE,
 * rtcp-mux). Implementations are thread-safe.
 */
public interface Sfu extends AutoCloseable {

    /** Opens an empty room; a second call with the same id is a no-op. */
    void createMeeting(String meetingId);

    /** Removes every participant and forgets the room. */
    void closeMeeting(String meetingId);

    /**
     * Joins a participant with its browser's offer.
     *
     * @throws IllegalArgumentException if the room is unknown, the participant already joined,
     *                                  or the offer is unusable (no bundled audio or video we accept)
     */
    ParticipantAnswer addParticipant(String meetingId, String participantId, String offerSdp);

    /** Leaves: stops its streams and its subscriptions; unknown ids are ignored. */
    void removeParticipant(String meetingId, String participantId);

    /** Counters of every stream in the room at this moment. */
    MeetingStats stats(String meetingId);

    /** Called (on the SFU's thread; return quickly) when a room's loudest participant changes. */
    void onDominantSpeakerChanged(Consumer<DominantSpeakerChanged> listener);

    /** Called (on the SFU's thread) after the SFU removed a participant whose ICE consent lapsed. */
    void onParticipantDisconnected(Consumer<ParticipantDisconnected> listener);

    /** The UDP address the SFU receives on (its ICE host candidate). */
    InetSocketAddress localAddress();

    /** Stops the receive loop and closes the socket. */
    @Override
    void close();
}
