package se.portvakt.sfu.server;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import se.portvakt.sfu.DominantSpeakerChanged;
import se.portvakt.sfu.MediaPathChanged;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.ParticipantDisconnected;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.forward.MediaKind;
import se.portvakt.sfu.ice.IceLiteAgent;
import se.portvakt.sfu.ice.IceOutcome;
import se.portvakt.sfu.ice.IceSession;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.sdp.HostCandidate;
import se.portvakt.sfu.speaker.AudioLevel;
import se.portvakt.sfu.stats.MeetingStats;
import se.portvakt.sfu.transport.DtlsAssociation;
import se.portvakt.sfu.transport.DtlsLayer;

/**
 * The in-process SFU: rooms of participants on one UDP port ({@link MediaSocket}). Each datagram is demultiplexed
 * (RFC 7983) to the ICE-lite responder, the peer's DTLS association, or SRTP unprotect and the forwarder; each tick
 * runs the stream timers and lapses ICE consent. Offers are answered by {@link Negotiation}, streams no SDP
 * declared are learnt by {@link StreamDiscovery}, what the app hears goes through {@link SfuEvents}.
 *
 * <p>Threads: the socket's loop thread does all packet work; app threads call the {@link Sfu} methods, which touch
 * only concurrent maps and the rooms' monitors.
 */
public final class UdpSfu implements Sfu {
    private static final System.Logger LOG = System.getLogger(UdpSfu.class.getName());
    /**
     * Silence after which a restart's first valid check moves the path: a connected browser sends media or RTCP many
     * times a second, so a second without anything means its old path is gone.
     */
    static final long MOVE_WHEN_SILENT_NANOS = 1_000_000_000L;

    private final SfuSettings settings;
    private final Clock clock;
    private final MediaSocket socket;
    private final IceLiteAgent ice;
    private final PacketDemux demux = new PacketDemux();
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final SfuTotals.Ended ended = new SfuTotals.Ended();
    private final SfuEvents events = new SfuEvents();
    private final Participants participants;
    private final Negotiation negotiation;
    private final StreamDiscovery discovery = new StreamDiscovery(events);
    private final List<AutoCloseable> closedWith = new ArrayList<>();
    private final LongAdder unknownSource = new LongAdder();
    private Instant nextConsentCheck = Instant.MIN;

    private UdpSfu(SfuSettings settings, DtlsLayer dtls, Clock clock, MediaSocket socket) {
        this.settings = settings;
        this.clock = clock;
        this.socket = socket;
        this.ice = new IceLiteAgent(clock);
        this.participants = new Participants(ice, events);
        InetSocketAddress advertised = advertisedCandidate(settings.advertised(), socket.local());
        List<HostCandidate> candidates = new ArrayList<>(List.of(HostCandidate.udp(advertised)));
        if (socket.tcpLocal() != null) {
            candidates.add(HostCandidate.tcp(new InetSocketAddress(
                    advertised.getAddress(), socket.tcpLocal().getPort())));
        }
        this.negotiation = new Negotiation(
                ice,
                dtls,
                clock,
                List.copyOf(candidates),
                settings.streams(),
                settings.transportCc(),
                participants,
                events);
    }

    /** Our host candidate: the advertised address, on the bound port when it names port 0 (a free port was asked). */
    static InetSocketAddress advertisedCandidate(InetSocketAddress advertised, InetSocketAddress bound) {
        if (advertised == null) {
            return bound;
        }
        return advertised.getPort() == 0 ? new InetSocketAddress(advertised.getAddress(), bound.getPort()) : advertised;
    }

    /** Binds the socket and starts the receive loop; the DTLS layer stays the caller's (see {@link #closeWith}). */
    public static UdpSfu start(SfuSettings settings, DtlsLayer dtls, Clock clock) {
        MediaSocket socket = MediaSocket.bind(settings.bind(), settings.tcpBind(), MediaSocket.TcpLimits.DEFAULTS);
        if (settings.transportCc() && !socket.stampArrivals()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "transport-cc is on but the kernel does not stamp arrivals here: they are read on the loop, and"
                            + " a loaded machine will look like a congested path to browsers");
        }
        UdpSfu sfu = new UdpSfu(settings, dtls, clock, socket);
        sfu.socket.start(sfu.new Loop(), settings.tickInterval());
        return sfu;
    }

    /** Closes {@code resource} too when this SFU closes, after the socket (the DTLS layer it was started with). */
    public UdpSfu closeWith(AutoCloseable resource) {
        closedWith.add(resource);
        return this;
    }

    @Override
    public InetSocketAddress localAddress() {
        return socket.local();
    }

    @Override
    public Optional<InetSocketAddress> tcpAddress() {
        return Optional.ofNullable(socket.tcpLocal());
    }

    @Override
    public void createMeeting(String meetingId) {
        rooms.computeIfAbsent(meetingId, id -> new Room(id, ended, false, settings.downlinkBudget()));
    }

    @Override
    public void createEchoSession(String sessionId) {
        rooms.computeIfAbsent(sessionId, id -> new Room(id, ended, true, settings.downlinkBudget()));
    }

    @Override
    public void closeMeeting(String meetingId) {
        Room room = rooms.remove(meetingId);
        if (room != null) {
            room.participants().forEach(p -> participants.remove(room, p.id()));
        }
    }

    @Override
    public ParticipantAnswer negotiate(
            String meetingId, String participantId, String offerSdp, Map<String, String> sources) {
        return negotiation.offer(room(meetingId), participantId, offerSdp, sources);
    }

    @Override
    public void removeParticipant(String meetingId, String participantId) {
        Room room = rooms.get(meetingId);
        if (room != null) {
            participants.remove(room, participantId);
        }
    }

    @Override
    public void preferLayers(String meetingId, String participantId, Map<String, String> layerByMid) {
        Room room = rooms.get(meetingId);
        Participant p = room == null ? null : room.participant(participantId).orElse(null);
        if (p == null) {
            return;
        }
        Map<String, Boolean> highByMid = new HashMap<>();
        layerByMid.forEach((mid, layer) -> {
            if ("high".equals(layer) || "low".equals(layer)) {
                highByMid.put(mid, "high".equals(layer));
            }
        });
        room.preferLayers(p, highByMid, System.nanoTime());
    }

    @Override
    public MeetingStats stats(String meetingId) {
        return room(meetingId).stats(clock.instant());
    }

    @Override
    public SfuTotals totals() {
        Instant now = clock.instant();
        return ended.with(rooms.values().stream().map(room -> room.stats(now)).toList(), unknownSource.sum());
    }

    @Override
    public void onDominantSpeakerChanged(Consumer<DominantSpeakerChanged> listener) {
        events.onDominantSpeakerChanged(listener);
    }

    @Override
    public void onRenegotiationNeeded(Consumer<RenegotiationNeeded> listener) {
        events.onRenegotiationNeeded(listener);
    }

    @Override
    public void onParticipantDisconnected(Consumer<ParticipantDisconnected> listener) {
        events.onParticipantDisconnected(listener);
    }

    @Override
    public void onMediaPathChanged(Consumer<MediaPathChanged> listener) {
        events.onMediaPathChanged(listener);
    }

    @Override
    public void close() {
        socket.close();
        for (AutoCloseable resource : closedWith) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + resource, e);
            }
        }
    }

    /** Participants in its rooms now (where a new meeting goes, {@link ShardedSfu}). */
    int participantCount() {
        int count = 0;
        for (Room room : rooms.values()) {
            count += room.participants().size();
        }
        return count;
    }

    /** Datagrams from addresses no ICE check has nominated (dropped). */
    public long unknownSource() {
        return unknownSource.sum();
    }

    private Room room(String meetingId) {
        Room room = rooms.get(meetingId);
        if (room == null) {
            throw new IllegalArgumentException("no meeting " + meetingId);
        }
        return room;
    }

    /** One datagram of {@code len} bytes at the start of {@code buf}. Called on the loop thread only. */
    void handle(byte[] buf, int len, InetSocketAddress from, long now) {
        handle(buf, len, from, null, now, now);
    }

    /**
     * Whether a valid check moves the participant's path before the browser nominates: the first check of an ICE
     * restart's session while the old path has been silent for {@link #MOVE_WHEN_SILENT_NANOS}. A browser keeps its
     * old pair selected until it counts it dead and nominates the new one at its next check on it, seconds after the
     * restart's checks succeeded; media sent the new way meanwhile reaches it (a browser reads media on any of its
     * pairs), where the old path reaches nobody. The nomination, when it comes, moves the path again if it chose
     * another pair. Never on a first join (no path yet) nor on a session already nominated (a backup pair's check).
     */
    private static boolean movesBeforeNomination(Participant checked, IceSession session, long now) {
        // silence first: it is false for nearly every check, and the session's nomination is read under its lock
        return checked.hearing().silentFor(now) >= MOVE_WHEN_SILENT_NANOS
                && checked.path().get() != null
                && session.nominated().isEmpty();
    }

    /**
     * One packet at the start of {@code buf}, from a UDP address or ({@code over} not null) an ICE-TCP
     * connection, whose remote address {@code from} then is. Called on the loop thread only.
     */
    private void handle(byte[] buf, int len, InetSocketAddress from, TcpConnection over, long now, long arrival) {
        PacketKind kind = demux.classify(buf, 0, len);
        switch (kind) {
            case STUN -> {
                IceOutcome outcome = ice.handle(buf, 0, len, from);
                if (outcome.hasResponse()) {
                    if (over != null) {
                        over.send(outcome.response(), 0, outcome.response().length);
                    } else {
                        socket.send(from, outcome.response(), 0, outcome.response().length);
                    }
                }
                Participant checked = outcome.session() == null ? null : participants.of(outcome.session());
                boolean movesFirst = checked != null && movesBeforeNomination(checked, outcome.session(), now);
                if (checked != null) {
                    checked.hearing().heard(now);
                }
                if ((outcome.nominated() || movesFirst) && outcome.session() != null) {
                    participants.nominate(outcome.session(), over != null ? over : new UdpPath(socket, from), now);
                }
            }
            case DTLS -> {
                Participant p = over != null ? participants.on(over) : participants.at(from);
                DtlsAssociation association = p == null ? null : p.dtls().get();
                if (association == null) {
                    unknownSource.increment();
                } else {
                    p.hearing().heard(now);
                    association.receive(buf, 0, len);
                }
            }
            case RTP, RTCP -> {
                Participant p = over != null ? participants.on(over) : participants.at(from);
                if (p == null) {
                    unknownSource.increment();
                    return;
                }
                p.hearing().heard(now);
                if (kind == PacketKind.RTP) {
                    discovery.packet(p, buf, len, now);
                }
                int plain = p.endpoint().onSrtp(buf, 0, len, kind == PacketKind.RTCP, now, arrival);
                Negotiated negotiated = p.current();
                if (plain > 0
                        && kind == PacketKind.RTP
                        && negotiated.audioLevelId() > 0
                        && negotiated.kinds().get(RtpFields.payloadType(buf, 0)) == MediaKind.AUDIO) {
                    int level = AudioLevel.read(buf, 0, plain, negotiated.audioLevelId());
                    if (level != AudioLevel.NONE) {
                        p.room().audioLevel(p.id(), level, now).ifPresent(id -> events.speakerChanged(p.room(), id));
                    }
                }
            }
            default -> {
                // counted by the demux
            }
        }
    }

    /** Once a second: participants whose consent lapsed are removed, so nothing is sent to a gone address. */
    private void expireConsent() {
        Instant instant = clock.instant();
        if (instant.isBefore(nextConsentCheck)) {
            return;
        }
        nextConsentCheck = instant.plusSeconds(1);
        for (IceSession lapsed : ice.expire()) {
            Participant p = participants.of(lapsed);
            if (p != null) {
                participants.remove(p.room(), p.id());
                events.disconnected(p.room(), p.id());
            }
        }
    }

    private void tick(long now) {
        expireConsent();
        long wallClock = clock.millis();
        for (Room room : rooms.values()) {
            room.tick(now);
            for (Participant p : room.participants()) {
                p.endpoint().tick(now, wallClock);
                p.hearing().judge(now).ifPresent(lost -> events.pathChanged(room, p.id(), lost));
            }
        }
    }

    /** The socket's loop thread, in this SFU. */
    private final class Loop implements MediaSocket.Receiver {
        @Override
        public void datagram(byte[] buf, int len, InetSocketAddress from, long now, long arrival) {
            handle(buf, len, from, null, now, arrival);
        }

        @Override
        public void frame(byte[] buf, int len, TcpConnection connection, long now) {
            handle(buf, len, connection.remote(), connection, now, now);
        }

        @Override
        public void closed(TcpConnection connection) {
            participants.closed(connection);
        }

        @Override
        public void tick(long now) {
            UdpSfu.this.tick(now);
        }
    }
}
