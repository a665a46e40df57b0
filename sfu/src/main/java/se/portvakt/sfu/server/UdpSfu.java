package se.portvakt.sfu.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import se.portvakt.sfu.DominantSpeakerChanged;
import se.portvakt.sfu.ParticipantDisconnected;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.forward.Endpoint;
import se.portvakt.sfu.forward.MediaKind;
import se.portvakt.sfu.forward.PacketSink;
import se.portvakt.sfu.forward.SrtpTransport;
import se.portvakt.sfu.ice.IceCredentials;
import se.portvakt.sfu.ice.IceLiteAgent;
import se.portvakt.sfu.ice.IceOutcome;
import se.portvakt.sfu.ice.IceSession;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.sdp.AnswerOptions;
import se.portvakt.sfu.sdp.IceLiteAnswerer;
import se.portvakt.sfu.sdp.MediaDescription;
import se.portvakt.sfu.sdp.SdpParser;
import se.portvakt.sfu.sdp.SdpWriter;
import se.portvakt.sfu.sdp.SessionDescription;
import se.portvakt.sfu.speaker.AudioLevel;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.stats.MeetingStats;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.transport.DtlsAssociation;
import se.portvakt.sfu.transport.DtlsLayer;

/**
 * The in-process SFU: one {@link DatagramChannel} and one thread, the receive loop, which
 * demultiplexes each datagram (RFC 7983) to the ICE-lite responder, the peer's DTLS
 * association, or SRTP unprotect and the forwarder, and every tick runs the stream timers.
 *
 * <p>Threads: the loop thread does all packet work; app threads call the {@link Sfu} methods,
 * which touch only concurrent maps and the rooms' monitors. Sends go straight to the channel
 * (DatagramChannel.send is thread-safe), from the loop or from the DTLS layer's threads.
 */
public final class UdpSfu implements Sfu {
    private static final System.Logger LOG = System.getLogger(UdpSfu.class.getName());
    private static final int MAX_DATAGRAM = 2048;

    private final SfuSettings settings;
    private final DtlsLayer dtls;
    private final Clock clock;
    private final DatagramChannel channel;
    private final Selector selector;
    private final InetSocketAddress local;
    private final InetSocketAddress advertised;
    private final IceLiteAgent ice;
    private final PacketDemux demux = new PacketDemux();
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final SfuTotals.Ended ended = new SfuTotals.Ended();
    private final Map<String, Participant> byUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, Participant> byAddress = new ConcurrentHashMap<>();
    private final List<Consumer<DominantSpeakerChanged>> speakerListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ParticipantDisconnected>> disconnectListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RenegotiationNeeded>> renegotiationListeners = new CopyOnWriteArrayList<>();
    private java.time.Instant nextConsentCheck = java.time.Instant.MIN;
    private final LongAdder unknownSource = new LongAdder();
    private final LongAdder loopErrors = new LongAdder();
    private final Thread loop;
    private volatile boolean running = true;

    private UdpSfu(SfuSettings settings, DtlsLayer dtls, Clock clock) throws IOException {
        this.settings = settings;
        this.dtls = dtls;
        this.clock = clock;
        this.ice = new IceLiteAgent(clock);
        this.channel = DatagramChannel.open();
        channel.bind(settings.bind());
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.advertised = advertisedCandidate(settings.advertised(), local);
        this.loop = new Thread(this::run, "sfu-udp-" + local.getPort());
        loop.setDaemon(true);
    }

    /** Our host candidate: the advertised address, on the bound port when it names port 0 (a free port was asked). */
    static InetSocketAddress advertisedCandidate(InetSocketAddress advertised, InetSocketAddress bound) {
        if (advertised == null) {
            return bound;
        }
        return advertised.getPort() == 0 ? new InetSocketAddress(advertised.getAddress(), bound.getPort()) : advertised;
    }

    /** Binds the socket and starts the receive loop. */
    public static UdpSfu start(SfuSettings settings, DtlsLayer dtls, Clock clock) {
        try {
            UdpSfu sfu = new UdpSfu(settings, dtls, clock);
            sfu.loop.start();
            return sfu;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the SFU's UDP port " + settings.bind(), e);
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public void createMeeting(String meetingId) {
        rooms.computeIfAbsent(meetingId, id -> new Room(id, ended));
    }

    @Override
    public void createEchoSession(String sessionId) {
        rooms.computeIfAbsent(sessionId, id -> new Room(id, ended, true));
    }

    @Override
    public void closeMeeting(String meetingId) {
        Room room = rooms.remove(meetingId);
        if (room != null) {
            room.participants().forEach(p -> removeParticipant(room, p.id()));
        }
    }

    @Override
    public ParticipantAnswer negotiate(String meetingId, String participantId, String offerSdp,
                                       Map<String, String> sources) {
        Room room = rooms.get(meetingId);
        if (room == null) {
            throw new IllegalArgumentException("no meeting " + meetingId);
        }
        SessionDescription offer = SdpParser.parse(offerSdp);
        Participant existing = room.participant(participantId).orElse(null);
        IceCredentials localIce = existing == null ? IceCredentials.random() : existing.ice().local();
        AnswerOptions options = AnswerOptions.defaults(localIce, dtls.fingerprint(), List.of(advertised),
                existing == null ? clock.millis() : existing.sessionId());
        SessionDescription plain = IceLiteAnswerer.answer(offer, options);
        MediaDescription first = firstAccepted(offer, plain);
        IceCredentials remoteIce = new IceCredentials(offer.iceUfrag(first).orElseThrow(
                () -> new IllegalArgumentException("offer has no ice-ufrag")), offer.icePwd(first).orElseThrow(
                () -> new IllegalArgumentException("offer has no ice-pwd")));
        if (existing != null && !existing.ice().remote().equals(remoteIce)) {
            removeParticipant(room, participantId); // a new connection (a reloaded tab): start over
            existing = null;
            localIce = IceCredentials.random();
            options = AnswerOptions.defaults(localIce, dtls.fingerprint(), List.of(advertised), clock.millis());
            plain = IceLiteAnswerer.answer(offer, options);
        }
        Participant participant = existing != null ? existing : join(room, participantId, offer, first, localIce,
                remoteIce, options.sessionId());
        Negotiated negotiated = Negotiated.of(offer, plain, sources);
        for (int i = 0; i < plain.media().size(); i++) {
            if (plain.media().get(i).port() != 0) {
                Negotiated.rtxSsrcs(offer.media().get(i)).forEach(participant.endpoint()::rtxSsrc);
            }
        }
        negotiated.codecs().values().stream().filter(c -> c.isRtx() && c.associatedPayloadType().isPresent())
                .forEach(c -> participant.endpoint().rtxPayloadType(c.payloadType(), c.associatedPayloadType().getAsInt()));
        Room.Placement placement = room.negotiate(participant, negotiated, System.nanoTime());
        long version = participant.answers().incrementAndGet() + 1;
        SessionDescription answer = IceLiteAnswerer.answer(offer, options.withVersion(version), placement.outgoing());
        fireRenegotiations(room);
        return new ParticipantAnswer(SdpWriter.write(answer), localIce, remoteIce, placement.streams(),
                placement.audio(), placement.video());
    }

    /** A new participant: its transport, ICE session and DTLS association; joined to the room. */
    private Participant join(Room room, String participantId, SessionDescription offer, MediaDescription first,
                             IceCredentials localIce, IceCredentials remoteIce, long sessionId) {
        Participant.Holder<InetSocketAddress> address = new Participant.Holder<>();
        PacketSink toPeer = (buf, off, len) -> send(address.get(), buf, off, len);
        SrtpTransport transport = new SrtpTransport(toPeer);
        long feedbackSsrc = (participantId.hashCode() & 0x7FFFFFFFL) | 1;
        Endpoint endpoint = new Endpoint(participantId, feedbackSsrc, transport, settings.streams());
        IceSession session = ice.open(localIce, remoteIce);
        Participant.Holder<DtlsAssociation> association = new Participant.Holder<>();
        Participant participant = new Participant(participantId, room, session, endpoint, association, address,
                new Participant.Holder<>(), sessionId, new AtomicLong());
        association.set(dtls.accept(offer.fingerprint(first).orElse(null), toPeer, keys -> {
            transport.srtpReady(SrtpSession.open(keys));
            long now = System.nanoTime();
            endpoint.subscriptions().forEach(copy -> copy.connected(now));
        }));
        try {
            room.join(participant, System.nanoTime());
        } catch (IllegalArgumentException e) {
            ice.close(session);
            association.get().close();
            throw e;
        }
        byUfrag.put(localIce.ufrag(), participant);
        return participant;
    }

    private void fireRenegotiations(Room room) {
        for (RenegotiationNeeded event : room.takeRenegotiations()) {
            for (Consumer<RenegotiationNeeded> listener : renegotiationListeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "renegotiation listener", e);
                }
            }
        }
    }

    @Override
    public void onRenegotiationNeeded(Consumer<RenegotiationNeeded> listener) {
        renegotiationListeners.add(listener);
    }

    private static MediaDescription firstAccepted(SessionDescription offer, SessionDescription answer) {
        for (int i = 0; i < answer.media().size(); i++) {
            if (answer.media().get(i).port() != 0) {
                return offer.media().get(i);
            }
        }
        throw new IllegalArgumentException("the offer has no bundled audio or video section we accept");
    }

    @Override
    public void removeParticipant(String meetingId, String participantId) {
        Room room = rooms.get(meetingId);
        if (room != null) {
            removeParticipant(room, participantId);
        }
    }

    private void removeParticipant(Room room, String participantId) {
        Participant gone = room.leave(participantId);
        if (gone == null) {
            return;
        }
        fireRenegotiations(room);
        byUfrag.remove(gone.ice().local().ufrag());
        InetSocketAddress address = gone.address().get();
        if (address != null) {
            byAddress.remove(address, gone);
        }
        ice.close(gone.ice());
        DtlsAssociation association = gone.dtls().get();
        if (association != null) {
            association.close();
        }
        SrtpSession session = gone.endpoint().transport().session();
        if (session != null) {
            session.close();
        }
    }

    @Override
    public MeetingStats stats(String meetingId) {
        Room room = rooms.get(meetingId);
        if (room == null) {
            throw new IllegalArgumentException("no meeting " + meetingId);
        }
        return room.stats(clock.instant());
    }

    @Override
    public SfuTotals totals() {
        Instant now = clock.instant();
        return ended.with(rooms.values().stream().map(room -> room.stats(now)).toList(), unknownSource.sum());
    }

    @Override
    public void onDominantSpeakerChanged(Consumer<DominantSpeakerChanged> listener) {
        speakerListeners.add(listener);
    }

    @Override
    public void onParticipantDisconnected(Consumer<ParticipantDisconnected> listener) {
        disconnectListeners.add(listener);
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the SFU socket", e);
        }
    }

    /** Datagrams from addresses no ICE check has nominated (dropped). */
    public long unknownSource() {
        return unknownSource.sum();
    }

    private void run() {
        byte[] buf = new byte[MAX_DATAGRAM];
        ByteBuffer in = ByteBuffer.wrap(buf);
        long tickNanos = settings.tickInterval().toNanos();
        long lastTick = System.nanoTime();
        while (running) {
            try {
                selector.select(Math.max(1, settings.tickInterval().toMillis()));
                selector.selectedKeys().clear();
                SocketAddress from;
                while (running && (from = receive(in)) != null) {
                    handle(buf, in.position(), (InetSocketAddress) from, System.nanoTime());
                }
                long now = System.nanoTime();
                if (now - lastTick >= tickNanos) {
                    lastTick = now;
                    tick(now);
                }
            } catch (IOException | RuntimeException e) {
                if (running) { // one bad packet or peer must not stop the loop for everyone
                    loopErrors.increment();
                    LOG.log(System.Logger.Level.WARNING, "SFU loop", e);
                }
            }
        }
    }

    private SocketAddress receive(ByteBuffer in) throws IOException {
        in.clear();
        return channel.receive(in);
    }

    /** One datagram of {@code len} bytes at the start of {@code buf}. Called on the loop thread only. */
    void handle(byte[] buf, int len, InetSocketAddress from, long now) {
        PacketKind kind = demux.classify(buf, 0, len);
        switch (kind) {
            case STUN -> {
                IceOutcome outcome = ice.handle(buf, 0, len, from);
                if (outcome.hasResponse()) {
                    send(from, outcome.response(), 0, outcome.response().length);
                }
                if (outcome.nominated() && outcome.session() != null) {
                    nominate(outcome.session(), from);
                }
            }
            case DTLS -> {
                Participant p = byAddress.get(from);
                DtlsAssociation association = p == null ? null : p.dtls().get();
                if (association == null) {
                    unknownSource.increment();
                } else {
                    association.receive(buf, 0, len);
                }
            }
            case RTP, RTCP -> {
                Participant p = byAddress.get(from);
                if (p == null) {
                    unknownSource.increment();
                    return;
                }
                if (kind == PacketKind.RTP) {
                    discover(p, buf, len, now);
                }
                int plain = p.endpoint().onSrtp(buf, 0, len, kind == PacketKind.RTCP, now);
                Negotiated negotiated = p.current();
                if (plain > 0 && kind == PacketKind.RTP && negotiated.audioLevelId() > 0
                        && negotiated.kinds().get(RtpFields.payloadType(buf, 0)) == MediaKind.AUDIO) {
                    int level = AudioLevel.read(buf, 0, plain, negotiated.audioLevelId());
                    if (level != AudioLevel.NONE) {
                        p.room().audioLevel(p.id(), level, now).ifPresent(id -> announce(p.room(), id));
                    }
                }
            }
            default -> {
                // counted by the demux
            }
        }
    }

    @Override
    public void preferLayers(String meetingId, String participantId, Map<String, String> layerByMid) {
        Room room = rooms.get(meetingId);
        Participant p = room == null ? null : room.participant(participantId).orElse(null);
        if (p == null) {
            return;
        }
        Map<String, Boolean> highByMid = new java.util.HashMap<>();
        layerByMid.forEach((mid, layer) -> {
            if ("high".equals(layer) || "low".equals(layer)) {
                highByMid.put(mid, "high".equals(layer));
            }
        });
        room.preferLayers(p, highByMid, System.nanoTime());
    }

    /** The SSRC and payload type are in the clear in SRTP: an SSRC no SDP declared becomes a published stream. */
    private void discover(Participant p, byte[] buf, int len, long now) {
        long ssrc = RtpFields.ssrc(buf, 0);
        if (p.endpoint().published(ssrc) != null) {
            return;
        }
        int pt = RtpFields.payloadType(buf, 0);
        if (p.endpoint().isRtx(pt)) {
            return; // repairs a stream, is not one
        }
        Negotiated negotiated = p.current();
        MediaKind kind = negotiated.kinds().get(pt);
        if (kind == null) {
            return;
        }
        if (negotiated.sending().stream().anyMatch(Negotiated.Sending::simulcast)) {
            LayerName name = LayerName.read(buf, len, negotiated.midId(), negotiated.ridId()).orElse(null);
            Negotiated.Sending section = name == null ? null : negotiated.simulcastSection(name.mid());
            if (section != null) {
                if (p.room().discoveredLayer(p, ssrc, section, name.rid(), now) != null) {
                    fireRenegotiations(p.room());
                }
                return;
            }
            if (name != null && name.rid() != null || name == null && negotiated.sending().stream()
                    .anyMatch(s -> s.simulcast() && s.kind() == kind)) {
                return; // a rid of a section no longer sent, or a packet that does not say which layer it is
            }
        }
        if (p.room().discovered(p, ssrc, kind, negotiated.pli().contains(pt),
                negotiated.vp8().contains(pt), now) != null) {
            fireRenegotiations(p.room());
        }
    }

    private void announce(Room room, String participantId) {
        DominantSpeakerChanged event = new DominantSpeakerChanged(room.id(), participantId);
        for (Consumer<DominantSpeakerChanged> listener : speakerListeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "dominant speaker listener", e);
            }
        }
    }

    private void nominate(IceSession session, InetSocketAddress address) {
        Participant p = byUfrag.get(session.local().ufrag());
        if (p == null) {
            return;
        }
        InetSocketAddress previous = p.address().get();
        if (previous != null) {
            byAddress.remove(previous, p);
        }
        p.address().set(address);
        byAddress.put(address, p);
    }

    /** Once a second: participants whose consent lapsed are removed, so nothing is sent to a gone address. */
    private void expireConsent() {
        java.time.Instant instant = clock.instant();
        if (instant.isBefore(nextConsentCheck)) {
            return;
        }
        nextConsentCheck = instant.plusSeconds(1);
        for (IceSession lapsed : ice.expire()) {
            Participant p = byUfrag.get(lapsed.local().ufrag());
            if (p == null) {
                continue;
            }
            removeParticipant(p.room(), p.id());
            ParticipantDisconnected event = new ParticipantDisconnected(p.room().id(), p.id());
            for (Consumer<ParticipantDisconnected> listener : disconnectListeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "disconnect listener", e);
                }
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
            }
        }
    }

    private void send(InetSocketAddress to, byte[] buf, int off, int len) {
        if (to == null) {
            return; // not nominated yet
        }
        try {
            channel.send(ByteBuffer.wrap(buf, off, len), to);
        } catch (IOException e) {
            loopErrors.increment();
        }
    }
}
