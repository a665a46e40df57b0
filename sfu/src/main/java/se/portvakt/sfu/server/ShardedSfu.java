package se.portvakt.sfu.server;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import se.portvakt.sfu.DominantSpeakerChanged;
import se.portvakt.sfu.MediaPathChanged;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.ParticipantDisconnected;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.stats.MeetingStats;
import se.portvakt.sfu.transport.DtlsLayer;

/**
 * The SFU on several cores: one {@link UdpSfu} per packet loop, each with its own thread, UDP socket and ICE-TCP
 * listener on ports of its own ({@link SfuSettings#forLoop}), and each meeting placed whole on the loop carrying the
 * fewest participants when it opens, for the meeting's life. A meeting's packets are then handled by one thread, as
 * with a single loop, and its participants are answered with that loop's candidates; loops share nothing but the
 * DTLS layer (one certificate, one handshake pool).
 *
 * <p>Why a port per loop rather than one port shared with SO_REUSEPORT: the kernel spreads a shared port's datagrams
 * by their addresses, not by meeting, so most would arrive on a loop that does not hold their meeting and would have
 * to be handed across threads; a port per loop lets each browser send straight to its meeting's thread.
 */
public final class ShardedSfu implements Sfu {
    private static final System.Logger LOG = System.getLogger(ShardedSfu.class.getName());

    private final List<UdpSfu> loops;
    private final Map<String, UdpSfu> placed = new ConcurrentHashMap<>();
    private final List<AutoCloseable> closedWith = new ArrayList<>();

    private ShardedSfu(List<UdpSfu> loops) {
        this.loops = List.copyOf(loops);
    }

    /**
     * Binds {@code settings.loops()} loops and starts them; if one cannot bind, those already started are closed
     * and the error names the port. The DTLS layer stays the caller's (see {@link #closeWith}).
     */
    public static ShardedSfu start(SfuSettings settings, DtlsLayer dtls, Clock clock) {
        List<UdpSfu> started = new ArrayList<>();
        try {
            for (int i = 0; i < settings.loops(); i++) {
                started.add(UdpSfu.start(settings.forLoop(i), dtls, clock));
            }
        } catch (RuntimeException e) {
            started.forEach(UdpSfu::close);
            throw e;
        }
        return new ShardedSfu(started);
    }

    /** Closes {@code resource} too when this SFU closes, after every loop (the DTLS layer it was started with). */
    public ShardedSfu closeWith(AutoCloseable resource) {
        closedWith.add(resource);
        return this;
    }

    /** How many packet loops carry the meetings. */
    public int loops() {
        return loops.size();
    }

    /** The index of the loop that carries the meeting, if it is open (for tests and the node's status). */
    Optional<Integer> loopOf(String meetingId) {
        return Optional.ofNullable(placed.get(meetingId)).map(loops::indexOf);
    }

    @Override
    public void createMeeting(String meetingId) {
        placed.computeIfAbsent(meetingId, id -> leastLoaded()).createMeeting(meetingId);
    }

    @Override
    public void createEchoSession(String sessionId) {
        placed.computeIfAbsent(sessionId, id -> leastLoaded()).createEchoSession(sessionId);
    }

    @Override
    public void closeMeeting(String meetingId) {
        UdpSfu loop = placed.remove(meetingId);
        if (loop != null) {
            loop.closeMeeting(meetingId);
        }
    }

    @Override
    public ParticipantAnswer negotiate(
            String meetingId, String participantId, String offerSdp, Map<String, String> sources) {
        return placedLoop(meetingId).negotiate(meetingId, participantId, offerSdp, sources);
    }

    @Override
    public void preferLayers(String meetingId, String participantId, Map<String, String> layerByMid) {
        UdpSfu loop = placed.get(meetingId);
        if (loop != null) {
            loop.preferLayers(meetingId, participantId, layerByMid);
        }
    }

    @Override
    public void removeParticipant(String meetingId, String participantId) {
        UdpSfu loop = placed.get(meetingId);
        if (loop != null) {
            loop.removeParticipant(meetingId, participantId);
        }
    }

    @Override
    public MeetingStats stats(String meetingId) {
        return placedLoop(meetingId).stats(meetingId);
    }

    @Override
    public SfuTotals totals() {
        return SfuTotals.sum(loops.stream().map(UdpSfu::totals).toList());
    }

    @Override
    public void onDominantSpeakerChanged(Consumer<DominantSpeakerChanged> listener) {
        loops.forEach(loop -> loop.onDominantSpeakerChanged(listener));
    }

    @Override
    public void onRenegotiationNeeded(Consumer<RenegotiationNeeded> listener) {
        loops.forEach(loop -> loop.onRenegotiationNeeded(listener));
    }

    @Override
    public void onParticipantDisconnected(Consumer<ParticipantDisconnected> listener) {
        loops.forEach(loop -> loop.onParticipantDisconnected(listener));
    }

    @Override
    public void onMediaPathChanged(Consumer<MediaPathChanged> listener) {
        loops.forEach(loop -> loop.onMediaPathChanged(listener));
    }

    /** The first loop's UDP address; {@link #localAddresses} lists every loop's. */
    @Override
    public InetSocketAddress localAddress() {
        return loops.get(0).localAddress();
    }

    @Override
    public List<InetSocketAddress> localAddresses() {
        return loops.stream().map(UdpSfu::localAddress).toList();
    }

    /** The first loop's ICE-TCP address; {@link #tcpAddresses} lists every loop's. */
    @Override
    public Optional<InetSocketAddress> tcpAddress() {
        return loops.get(0).tcpAddress();
    }

    @Override
    public List<InetSocketAddress> tcpAddresses() {
        return loops.stream().flatMap(loop -> loop.tcpAddress().stream()).toList();
    }

    @Override
    public void close() {
        loops.forEach(UdpSfu::close);
        for (AutoCloseable resource : closedWith) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + resource, e);
            }
        }
    }

    /** The loop with the fewest participants now, then with the fewest meetings (a new meeting has nobody yet). */
    private UdpSfu leastLoaded() {
        Map<UdpSfu, Long> meetings = new HashMap<>();
        placed.values().forEach(loop -> meetings.merge(loop, 1L, Long::sum));
        return loops.stream()
                .min(Comparator.comparingInt(UdpSfu::participantCount)
                        .thenComparingLong(loop -> meetings.getOrDefault(loop, 0L)))
                .orElseThrow();
    }

    private UdpSfu placedLoop(String meetingId) {
        UdpSfu loop = placed.get(meetingId);
        if (loop == null) {
            throw new IllegalArgumentException("no meeting " + meetingId);
        }
        return loop;
    }
}
