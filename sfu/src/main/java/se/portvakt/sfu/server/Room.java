package se.portvakt.sfu.server;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import se.portvakt.sfu.forward.MediaKind;
import se.portvakt.sfu.forward.PublisherStream;
import se.portvakt.sfu.speaker.DominantSpeaker;
import se.portvakt.sfu.stats.MeetingStats;
import se.portvakt.sfu.stats.StreamStats;

/**
 * A meeting room: who is in it, and the subscription policy of this skeleton, which is
 * "everyone receives every stream of everyone else", each copy under an SSRC of ours.
 */
final class Room {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final Map<String, Participant> participants = new ConcurrentHashMap<>();
    private final DominantSpeaker speaker = new DominantSpeaker();

    Room(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** Adds the participant and subscribes it to every stream already published here. */
    synchronized void join(Participant joining, long now) {
        if (participants.putIfAbsent(joining.id(), joining) != null) {
            throw new IllegalArgumentException("participant " + joining.id() + " already joined " + id);
        }
        for (Participant other : participants.values()) {
            if (other != joining) {
                for (PublisherStream stream : other.endpoint().publishedStreams()) {
                    joining.endpoint().subscribe(stream, newSsrc(), now);
                }
            }
        }
    }

    /** A publisher's first packet on a new SSRC: declare the stream and fan it out to the others. */
    synchronized PublisherStream publish(Participant publisher, long ssrc, MediaKind kind, boolean usePli, boolean vp8,
                                         long now) {
        PublisherStream existing = publisher.endpoint().published(ssrc);
        if (existing != null) {
            return existing;
        }
        PublisherStream stream = publisher.endpoint().publish(ssrc, kind, usePli, vp8);
        for (Participant other : participants.values()) {
            if (other != publisher) {
                other.endpoint().subscribe(stream, newSsrc(), now);
            }
        }
        return stream;
    }

    /** One audio level from a participant; the new dominant speaker if it changed. */
    Optional<String> audioLevel(String participantId, int level, long now) {
        return speaker.observe(participantId, level, now);
    }

    synchronized Participant leave(String participantId) {
        speaker.remove(participantId);
        Participant gone = participants.remove(participantId);
        if (gone != null) {
            for (PublisherStream stream : gone.endpoint().publishedStreams()) {
                stream.subscribers().forEach(stream::removeSubscriber);
            }
            gone.endpoint().close();
        }
        return gone;
    }

    List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    MeetingStats stats(Instant now) {
        List<StreamStats> streams = new ArrayList<>();
        participants.values().forEach(p -> streams.addAll(p.endpoint().stats()));
        return new MeetingStats(id, now, participants.size(), streams);
    }

    /** A random nonzero SSRC; collisions within one subscriber are checked by the caller's map. */
    private static long newSsrc() {
        long ssrc;
        do {
            ssrc = RANDOM.nextInt() & 0xFFFFFFFFL;
        } while (ssrc == 0);
        return ssrc;
    }
}
