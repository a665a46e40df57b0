package se.portvakt.sfu.server;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import se.portvakt.sfu.ForwardedStream;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.codec.CodecHandler;
import se.portvakt.sfu.forward.LayerBudget;
import se.portvakt.sfu.forward.MediaKind;
import se.portvakt.sfu.forward.PublisherStream;
import se.portvakt.sfu.forward.Route;
import se.portvakt.sfu.forward.SimulcastTrack;
import se.portvakt.sfu.forward.Subscriber;
import se.portvakt.sfu.sdp.Outgoing;
import se.portvakt.sfu.speaker.DominantSpeaker;
import se.portvakt.sfu.stats.MeetingStats;
import se.portvakt.sfu.stats.StreamStats;

/**
 * A meeting room: who is in it, and its subscription policy, which is "everyone receives every stream of
 * everyone else", each copy under an SSRC of ours; or an echo room, whose one participant receives its own streams
 * back (an equipment test) and which refuses anyone else. A copy flows only once the receiver's browser has a receive
 * m-section for it ({@link #negotiate}); until then it is held, and the receiver is told to offer again.
 *
 * <p>Every method that changes who sends what runs under the room's monitor.
 */
final class Room {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final Map<String, Participant> participants = new ConcurrentHashMap<>();
    private final DominantSpeaker speaker = new DominantSpeaker();
    /** What each published stream is, as its publisher's tab named it. */
    private final Map<PublisherStream, String> sources = new IdentityHashMap<>();
    /** Per participant: the SSRCs its SDP declared, and those it stopped (late packets must not revive them). */
    private final Map<String, Set<Long>> declared = new HashMap<>();

    private final Map<String, Set<Long>> retired = new HashMap<>();
    /** Simulcast tracks by publisher and mid, and the track each layer belongs to. */
    private final Map<String, SimulcastTrack> tracks = new HashMap<>();

    private final Map<PublisherStream, SimulcastTrack> trackOf = new IdentityHashMap<>();
    private long nextLayerCheck;
    /** Participants whose set of received streams changed since the last {@link #takeRenegotiations}. */
    private final Set<String> renegotiate = new LinkedHashSet<>();

    /** Where the counts of streams that end go, so the SFU's totals never shrink. */
    private final SfuTotals.Ended ended;
    /** Layers and pauses follow each receiver's downlink estimate ({@code SfuSettings.downlinkBudget}). */
    private final boolean downlinkBudget;
    /** An echo room: at most one participant, subscribed to its own streams. */
    private final boolean echo;

    Room(String id, SfuTotals.Ended ended) {
        this(id, ended, false);
    }

    Room(String id, SfuTotals.Ended ended, boolean echo) {
        this(id, ended, echo, false);
    }

    /** @param downlinkBudget fit each receiver's copies to its downlink estimate, else the wish alone decides */
    Room(String id, SfuTotals.Ended ended, boolean echo, boolean downlinkBudget) {
        this.downlinkBudget = downlinkBudget;
        this.id = id;
        this.ended = ended;
        this.echo = echo;
    }

    boolean echo() {
        return echo;
    }

    /** Whether {@code receiver} gets a copy of what {@code publisher} sends: the others', or in an echo room its own. */
    private boolean receives(Participant receiver, Participant publisher) {
        return echo || receiver != publisher;
    }

    String id() {
        return id;
    }

    Optional<Participant> participant(String participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    /** Adds the participant and subscribes it (held) to every stream already published here. */
    synchronized void join(Participant joining, long now) {
        if (echo && !participants.isEmpty() && !participants.containsKey(joining.id())) {
            throw new IllegalArgumentException("echo room " + id + " already has its one participant");
        }
        if (participants.putIfAbsent(joining.id(), joining) != null) {
            throw new IllegalArgumentException("participant " + joining.id() + " already joined " + id);
        }
        for (Participant other : participants.values()) {
            if (other != joining) {
                for (PublisherStream stream : other.endpoint().publishedStreams()) {
                    SimulcastTrack track = trackOf.get(stream);
                    if (track == null || track.layers().get(0) == stream) { // one copy per track, low to start
                        joining.endpoint().subscribe(stream, newSsrc(), Route.HELD, now);
                    }
                }
            }
        }
    }

    /**
     * The first packet of a simulcast layer (its SSRC was in no SDP; the packet's rid and mid extensions named it).
     * The track's first layer is subscribed by everyone else, one copy each; later layers only join the track, and
     * every copy's layer is chosen again.
     *
     * @return the new stream, or null if the layer is unknown, already known under another SSRC, or stopped
     */
    synchronized PublisherStream discoveredLayer(
            Participant publisher, long ssrc, Negotiated.Sending section, String rid, long now) {
        if (retired.getOrDefault(publisher.id(), Set.of()).contains(ssrc) || !present(publisher)) {
            return null;
        }
        SimulcastTrack track = tracks.computeIfAbsent(
                trackKey(publisher.id(), section.mid()),
                k -> new SimulcastTrack(publisher.id(), section.mid(), section.rids()));
        int index = track.indexOf(rid);
        if (index < 0 || track.layer(index) != null) {
            return null;
        }
        boolean first = track.layers().isEmpty();
        PublisherStream stream =
                publisher.endpoint().publishLayer(ssrc, section.kind(), section.usePli(), section.codec());
        track.addLayer(index, stream);
        trackOf.put(stream, track);
        sources.put(stream, section.source());
        if (first) {
            for (Participant other : participants.values()) {
                if (receives(other, publisher)) {
                    other.endpoint().subscribe(stream, newSsrc(), Route.HELD, now);
                    renegotiate.add(other.id());
                }
            }
        } else if (downlinkBudget) {
            participants.values().forEach(receiver -> shareDownlink(receiver, now));
        } else {
            track.chooseAll(now);
        }
        return stream;
    }

    /** The stream of layer {@code rid} of the publisher's simulcast section {@code mid}, or null if not seen yet. */
    synchronized PublisherStream layer(String publisherId, String mid, String rid) {
        SimulcastTrack track = tracks.get(trackKey(publisherId, mid));
        int index = track == null ? -1 : track.indexOf(rid);
        return index < 0 ? null : track.layer(index);
    }

    /** The receiver's wish per receive slot (mid): true for the highest layer, false for the lowest. */
    synchronized void preferLayers(Participant receiver, Map<String, Boolean> highByMid, long now) {
        for (Subscriber copy : receiver.endpoint().subscriptions()) {
            String mid = copy.route().mid();
            Boolean high = mid == null ? null : highByMid.get(mid);
            if (high == null) {
                continue;
            }
            copy.preferHigh(high);
            SimulcastTrack track = copy.source() == null ? null : trackOf.get(copy.source());
            if (track != null && !downlinkBudget) {
                track.choose(copy, now);
            }
        }
        if (downlinkBudget) {
            shareDownlink(receiver, now);
        }
    }

    /**
     * Timer: a few times a second, every receiver's video is fitted to its downlink again (its estimate moved, a
     * layer stopped or resumed, a layer's rate changed).
     */
    synchronized void tick(long now) {
        if (now - nextLayerCheck < 0) {
            return;
        }
        nextLayerCheck = now + LAYER_CHECK_NANOS;
        if (downlinkBudget) {
            participants.values().forEach(receiver -> shareDownlink(receiver, now));
        } else {
            tracks.values().forEach(track -> track.chooseAll(now));
        }
    }

    /**
     * What an audio copy is counted at before its rate is known, and at least (bit/s): Opus as Chrome sends speech
     * (about 32 kbit/s) with its RTP headers, and room for a louder moment.
     */
    private static final long AUDIO_RESERVE = 48_000;

    /**
     * Fits what {@code receiver} gets to its downlink estimate ({@link LayerBudget}): audio first, whole; then each
     * video copy the highest layer within its wish that fits, else a lower one, else it is paused (audio only).
     */
    private void shareDownlink(Participant receiver, long now) {
        long audio = 0;
        List<Subscriber> video = new ArrayList<>();
        List<LayerBudget.Copy> copies = new ArrayList<>();
        for (Subscriber copy : receiver.endpoint().subscriptions()) {
            PublisherStream source = copy.source();
            if (source == null || !copy.route().flows()) {
                continue; // held or paused by its slot: takes nothing
            }
            if (copy.kind() == MediaKind.AUDIO) {
                audio += Math.max(AUDIO_RESERVE, source.bitrate(now));
                continue;
            }
            SimulcastTrack track = trackOf.get(source);
            long since = now - SimulcastTrack.INACTIVE_AFTER_NANOS;
            long[] rates;
            int current;
            if (track == null) {
                rates = new long[] {source.receivedSince(since) ? source.bitrate(now) : -1};
                current = 0;
            } else {
                rates = new long[track.layerCount()];
                for (int i = 0; i < rates.length; i++) {
                    PublisherStream layer = track.layer(i);
                    rates[i] = layer != null && layer.receivedSince(since) ? layer.bitrate(now) : -1;
                }
                current = track.indexOf(copy.pending() != null ? copy.pending() : source);
            }
            video.add(copy);
            copies.add(new LayerBudget.Copy(
                    copy.prefersHigh() || track == null,
                    rates,
                    copy.pausedForBandwidth() ? -1 : current,
                    copy.budgetLimited(),
                    copy.fitsSince()));
        }
        List<LayerBudget.Choice> choices =
                LayerBudget.share(receiver.endpoint().downlinkEstimate() - audio, copies, now);
        for (int i = 0; i < video.size(); i++) {
            Subscriber copy = video.get(i);
            LayerBudget.Choice choice = choices.get(i);
            copy.budget(choice.limited(), choice.fitsSince());
            if (choice.layer() < 0 != copy.pausedForBandwidth()) {
                BUDGET_LOG.log(
                        System.Logger.Level.INFO,
                        "{0} {1}''s copy of {2}: downlink estimate {3} bit/s, audio {4} bit/s, layer rates {5}",
                        choice.layer() < 0 ? "pausing" : "resuming",
                        receiver.id(),
                        copy.source().ssrc(),
                        receiver.endpoint().downlinkEstimate(),
                        audio,
                        java.util.Arrays.toString(copies.get(i).rates()));
            }
            if (choice.layer() < 0) {
                copy.pauseForBandwidth(true, now);
                continue;
            }
            copy.pauseForBandwidth(false, now);
            SimulcastTrack track = trackOf.get(copy.source());
            PublisherStream target = track == null ? null : track.layer(choice.layer());
            if (target != null) {
                copy.switchAtKeyframe(target, now);
            }
        }
    }

    private static final long LAYER_CHECK_NANOS = 250_000_000L;

    /** A copy paused for a receiver's bandwidth, or resumed: rare, and what an operator asks about a thin line. */
    private static final System.Logger BUDGET_LOG = System.getLogger("se.portvakt.sfu.bandwidth");

    private static String trackKey(String participantId, String mid) {
        return participantId + "\n" + mid;
    }

    /** Ends the simulcast tracks of {@code p} whose m-section no longer sends with simulcast (null: all). */
    private void stopTracks(Participant p, Negotiated offer) {
        List<String> gone = new ArrayList<>();
        tracks.forEach((key, track) -> {
            if (track.publisherId().equals(p.id()) && (offer == null || offer.simulcastSection(track.mid()) == null)) {
                gone.add(key);
            }
        });
        for (String key : gone) {
            SimulcastTrack track = tracks.remove(key);
            for (PublisherStream layer : track.layers()) {
                trackOf.remove(layer);
                retired.computeIfAbsent(p.id(), k -> new HashSet<>()).add(layer.ssrc());
                unpublish(p, layer.ssrc());
            }
        }
    }

    /**
     * Whether this very connection is still in the room. The receive loop may hold a participant it looked up just
     * before the app removed it (a guest taken off the invitation, removed by the host): a packet of theirs after
     * that must not publish a stream again, or everyone would be subscribed to a person no longer in the meeting.
     * A reloaded tab under the same id is another connection.
     */
    private boolean present(Participant publisher) {
        return participants.get(publisher.id()) == publisher;
    }

    /** A stream seen in a packet before any SDP declared it (simulcast layers): published as its kind's default. */
    synchronized PublisherStream discovered(
            Participant publisher, long ssrc, MediaKind kind, boolean usePli, CodecHandler codec, long now) {
        if (retired.getOrDefault(publisher.id(), Set.of()).contains(ssrc) || !present(publisher)) {
            return null;
        }
        return publish(publisher, ssrc, kind, usePli, codec, Negotiated.defaultSource(kind), now);
    }

    private PublisherStream publish(
            Participant publisher,
            long ssrc,
            MediaKind kind,
            boolean usePli,
            CodecHandler codec,
            String source,
            long now) {
        PublisherStream existing = publisher.endpoint().published(ssrc);
        if (existing != null) {
            sources.put(existing, source);
            return existing;
        }
        PublisherStream stream = publisher.endpoint().publish(ssrc, kind, usePli, codec);
        sources.put(stream, source);
        for (Participant other : participants.values()) {
            if (receives(other, publisher)) {
                other.endpoint().subscribe(stream, newSsrc(), Route.HELD, now);
                renegotiate.add(other.id());
            }
        }
        return stream;
    }

    private void unpublish(Participant publisher, long ssrc) {
        PublisherStream stream = publisher.endpoint().unpublish(ssrc);
        if (stream == null) {
            return;
        }
        ended.add(stream.stats());
        sources.remove(stream);
        for (Subscriber copy : stream.subscribers()) {
            Participant receiver = participants.get(copy.participantId());
            if (receiver != null && copy.source() == stream) { // a copy only waiting for this layer ends with its own
                ended.add(copy.stats());
                receiver.endpoint().unsubscribe(copy.ssrc());
                renegotiate.add(receiver.id());
            }
            stream.removeSubscriber(copy);
        }
    }

    /**
     * Applies a participant's new offer: its declared tracks are published (or stopped), and the streams it
     * receives are placed in its receive m-sections, keeping each stream in the slot it had.
     *
     * @return what to announce in the answer, by the browser's mid
     */
    synchronized Placement negotiate(Participant p, Negotiated offer, long now) {
        p.negotiated().set(offer);
        Set<Long> nowDeclared = new HashSet<>();
        for (Negotiated.Sending s : offer.sending()) {
            for (long ssrc : s.ssrcs()) {
                nowDeclared.add(ssrc);
                publish(p, ssrc, s.kind(), s.usePli(), s.codec(), s.source(), now);
            }
        }
        Set<Long> stopped = new HashSet<>(declared.getOrDefault(p.id(), Set.of()));
        stopped.removeAll(nowDeclared);
        stopped.forEach(ssrc -> unpublish(p, ssrc));
        declared.put(p.id(), nowDeclared);
        Set<Long> gone = retired.computeIfAbsent(p.id(), k -> new HashSet<>());
        gone.addAll(stopped);
        gone.removeAll(nowDeclared);
        stopTracks(p, offer);
        renegotiate.remove(p.id()); // this answer brings it up to date
        return place(p, offer, now);
    }

    private Placement place(Participant p, Negotiated offer, long now) {
        Map<String, Negotiated.Slot> slots = new LinkedHashMap<>();
        offer.slots().forEach(s -> slots.put(s.mid(), s));
        List<Subscriber> copies = p.endpoint().subscriptions();
        Set<String> taken = new HashSet<>();
        List<Subscriber> unplaced = new ArrayList<>();
        for (Subscriber copy : copies) { // first keep everyone where they were
            String mid = copy.route().mid();
            Negotiated.Slot slot = mid == null ? null : slots.get(mid);
            if (slot != null && slot.kind() == copy.kind() && taken.add(mid)) {
                continue;
            }
            unplaced.add(copy);
        }
        for (Subscriber copy : unplaced) { // then fill free slots in offer order
            String free = null;
            for (Negotiated.Slot slot : slots.values()) {
                if (slot.kind() == copy.kind() && !taken.contains(slot.mid())) {
                    free = slot.mid();
                    break;
                }
            }
            if (free == null) {
                copy.route(Route.HELD, now);
            } else {
                taken.add(free);
                copy.route(Route.placed(free, null, true), now); // routed below with its payload types
            }
        }
        Map<String, Outgoing> outgoing = new LinkedHashMap<>();
        List<ForwardedStream> streams = new ArrayList<>();
        for (Subscriber copy : copies) {
            String mid = copy.route().mid();
            PublisherStream source = copy.source();
            if (mid == null || source == null) {
                continue;
            }
            Negotiated.Slot slot = slots.get(mid);
            Participant publisher = participants.get(source.participantId());
            Map<Integer, se.portvakt.sfu.sdp.Codec> codecs =
                    publisher == null ? Map.of() : publisher.current().codecs();
            copy.route(Route.placed(mid, Negotiated.payloadTypeMap(codecs, slot.codecs()), slot.paused()), now);
            String label = sources.getOrDefault(source, Negotiated.defaultSource(copy.kind()));
            outgoing.put(mid, new Outgoing(copy.ssrc(), source.participantId(), label + "-" + copy.ssrc()));
            streams.add(
                    new ForwardedStream(mid, source.participantId(), copy.kind().sdpName(), label));
        }
        return new Placement(outgoing, streams, count(copies, MediaKind.AUDIO), count(copies, MediaKind.VIDEO));
    }

    /** What a negotiation placed: the answer's outgoing streams, the app's view of them, and how many there are. */
    record Placement(Map<String, Outgoing> outgoing, List<ForwardedStream> streams, int audio, int video) {}

    /** One audio level from a participant; the new dominant speaker if it changed. */
    Optional<String> audioLevel(String participantId, int level, long now) {
        if (echo) {
            return Optional.empty(); // an echo room is no meeting: nobody to tell who speaks
        }
        return speaker.observe(participantId, level, now);
    }

    synchronized Participant leave(String participantId) {
        speaker.remove(participantId);
        Participant gone = participants.remove(participantId);
        if (gone != null) {
            stopTracks(gone, null);
            for (PublisherStream stream : gone.endpoint().publishedStreams()) {
                unpublish(gone, stream.ssrc());
            }
            gone.endpoint().subscriptions().forEach(copy -> ended.add(copy.stats()));
            gone.endpoint().close();
            declared.remove(participantId);
            retired.remove(participantId);
            renegotiate.remove(participantId);
        }
        return gone;
    }

    /** Who should offer again since the last call, with the stream counts they now have. */
    synchronized List<RenegotiationNeeded> takeRenegotiations() {
        if (echo) {
            // its one offer already has a slot for each of its own streams; the app's listeners serve meetings only
            renegotiate.clear();
            return List.of();
        }
        List<RenegotiationNeeded> out = new ArrayList<>();
        for (String participantId : renegotiate) {
            Participant p = participants.get(participantId);
            if (p != null) {
                List<Subscriber> copies = p.endpoint().subscriptions();
                out.add(new RenegotiationNeeded(
                        id, participantId, count(copies, MediaKind.AUDIO), count(copies, MediaKind.VIDEO)));
            }
        }
        renegotiate.clear();
        return out;
    }

    private static int count(List<Subscriber> copies, MediaKind kind) {
        return (int) copies.stream().filter(copy -> copy.kind() == kind).count();
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
