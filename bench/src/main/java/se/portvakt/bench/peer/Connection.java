package se.portvakt.bench.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.tls.DTLSClientProtocol;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.dtls.Fingerprint;
import se.portvakt.sfu.ice.IceCredentials;
import se.portvakt.sfu.rtcp.RtcpEncoder;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtcp.RtcpParser;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.srtp.SrtpKeys;
import se.portvakt.sfu.srtp.SrtpProfile;
import se.portvakt.sfu.srtp.SrtpSession;

/**
 * One generator peer connection, as a browser's RTCPeerConnection is on the wire: its own UDP socket, ICE as
 * the controlling agent, a DTLS client handshake, then SRTP/SRTCP with the exported keys; it publishes
 * {@link OutgoingStream}s and receives whatever the server sends, answering with RRs, NACKs and PLIs.
 *
 * <p>Threads: {@link #connect} runs on a setup thread; after it the connection's datagrams are read by one
 * {@link Receiver} thread, and its streams and reports are driven by the generator's sender thread. Sends are
 * serialized by a lock (SRTP protect advances per-SSRC state).
 */
public final class Connection implements AutoCloseable {
    private static final RtcpParser RTCP = new RtcpParser();

    private final String name;
    private final LoadGenerator generator;
    private final BrowserCertificate certificate;
    private final DatagramChannel channel;
    private final IceCredentials localIce = IceCredentials.random();
    private final long tieBreaker = ThreadLocalRandom.current().nextLong();
    private final long rtcpSsrc = ThreadLocalRandom.current().nextLong(1, 0x1_0000_0000L);
    private final PacketDemux demux = new PacketDemux();
    private final Object sendLock = new Object();
    private final byte[] rtcpBuf = new byte[1600];
    private final List<OutgoingStream> outgoing = new CopyOnWriteArrayList<>();
    private final Map<Long, OutgoingStream> outgoingBySsrc = new ConcurrentHashMap<>();
    private final Map<Long, IncomingStream> incoming = new ConcurrentHashMap<>();
    private final Map<Integer, IncomingStream> bySource = new ConcurrentHashMap<>();
    private final Set<Long> announcedVideo = ConcurrentHashMap.newKeySet();
    private final AtomicInteger transportSequence = new AtomicInteger();
    private final LongAdder sendFailures = new LongAdder();
    private final LongAdder unprotectFailures = new LongAdder();
    private volatile InetSocketAddress remote;
    private volatile IceCredentials remoteIce;
    private volatile SrtpSession srtp;
    private volatile boolean closed;

    Connection(String name, LoadGenerator generator, BrowserCertificate certificate, InetAddress bind)
            throws IOException {
        this.name = name;
        this.generator = generator;
        this.certificate = certificate;
        this.channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
        channel.bind(new InetSocketAddress(bind, 0));
    }

    public String name() {
        return name;
    }

    public IceCredentials localIce() {
        return localIce;
    }

    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    public Fingerprint fingerprint() {
        return certificate.fingerprint();
    }

    /** The SRTP profile the server chose; null before {@link #connect}. */
    public SrtpProfile profile() {
        SrtpSession s = srtp;
        return s == null ? null : s.profile();
    }

    DatagramChannel channel() {
        return channel;
    }

    List<OutgoingStream> outgoing() {
        return outgoing;
    }

    void add(OutgoingStream stream) {
        outgoing.add(stream);
        outgoingBySsrc.put(stream.ssrc(), stream);
    }

    /** A video SSRC the server's SDP says it will send: PLI'd each report interval until something arrives. */
    public void expectVideo(long ssrc) {
        announcedVideo.add(ssrc);
    }

    int nextTransportSequence() {
        return transportSequence.getAndIncrement() & 0xFFFF;
    }

    /** ICE (nominating the server's address), then the DTLS client handshake; blocks until SRTP is keyed. */
    public void connect(InetSocketAddress server, IceCredentials serverIce, Fingerprint serverFingerprint)
            throws IOException {
        this.remote = server;
        this.remoteIce = serverIce;
        long started = System.nanoTime();
        BrowserDtlsClient client = new BrowserDtlsClient(certificate, serverFingerprint);
        try {
            IceCheck.nominate(channel, server, localIce, serverIce, tieBreaker, 10_000);
            new DTLSClientProtocol().connect(client, new HandshakeTransport(channel, server, localIce));
        } catch (IOException | RuntimeException e) {
            generator.joins().failed(name, e);
            throw e;
        }
        generator.joins().connected(System.nanoTime() - started);
        boolean weAreServer = false;
        srtp = SrtpSession.open(SrtpKeys.fromDtls(client.profile(), client.keyingMaterial(), weAreServer));
        channel.connect(server); // from now on only the server's datagrams, and no address lookups per packet
        channel.configureBlocking(false);
    }

    /** Protects the plain RTP packet in place ({@code buf} has room for the tag) and sends it. */
    void sendRtp(byte[] buf, int len) {
        SrtpSession s = srtp;
        if (s == null || closed) {
            return;
        }
        synchronized (sendLock) {
            int out = s.protectRtp(buf, 0, len);
            send(buf, out);
        }
    }

    void sendRtcp(List<? extends RtcpPacket> packets) {
        SrtpSession s = srtp;
        if (s == null || closed || packets.isEmpty()) {
            return;
        }
        byte[] plain = RtcpEncoder.encode(packets);
        synchronized (sendLock) {
            System.arraycopy(plain, 0, rtcpBuf, 0, plain.length);
            int out = s.protectRtcp(rtcpBuf, 0, plain.length);
            send(rtcpBuf, out);
        }
    }

    private void send(byte[] buf, int len) {
        if (len < 0) {
            sendFailures.increment();
            return;
        }
        try {
            if (channel.write(ByteBuffer.wrap(buf, 0, len)) == 0) {
                sendFailures.increment(); // socket buffer full
            }
        } catch (IOException e) {
            sendFailures.increment();
        }
    }

    /** A consent freshness check (RFC 7675); its answer is ignored. */
    void sendConsent() {
        if (closed || remote == null) {
            return;
        }
        byte[] request = IceCheck.request(localIce, remoteIce, tieBreaker, false, IceCheck.transactionId());
        synchronized (sendLock) {
            send(request, request.length);
        }
    }

    /** Every report interval: SRs for what we send, RRs for what we receive, PLIs for video still missing. */
    void report(long wallClockMillis) {
        List<RtcpPacket> compound = new ArrayList<>();
        for (OutgoingStream s : outgoing) {
            compound.add(new RtcpPacket.SenderReport(s.ssrc(), ntp(wallClockMillis), 0, s.sentCount(), 0, List.of()));
        }
        List<RtcpPacket.ReportBlock> blocks = new ArrayList<>();
        for (IncomingStream in : incoming.values()) {
            blocks.add(in.report());
        }
        for (int i = 0; i < blocks.size(); i += 31) {
            compound.add(new RtcpPacket.ReceiverReport(rtcpSsrc, blocks.subList(i, Math.min(blocks.size(), i + 31))));
        }
        if (compound.isEmpty()) {
            compound.add(new RtcpPacket.ReceiverReport(rtcpSsrc, List.of()));
        }
        for (long ssrc : announcedVideo) {
            IncomingStream in = incoming.get(ssrc);
            if (in == null || !in.receivedAny()) {
                compound.add(new RtcpPacket.PictureLossIndication(rtcpSsrc, ssrc));
            }
        }
        sendRtcp(compound);
    }

    private static long ntp(long millis) {
        long seconds = millis / 1000 + 2_208_988_800L;
        long fraction = ((millis % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    /** One datagram from the server, on the receive thread. */
    void onDatagram(byte[] buf, int len, long now, Receiver receiver) {
        PacketKind kind = demux.classify(buf, 0, len);
        if (kind == PacketKind.STUN) {
            byte[] answer = IceCheck.answer(buf, len, remote, localIce);
            if (answer != null) {
                synchronized (sendLock) {
                    try {
                        channel.write(ByteBuffer.wrap(answer));
                    } catch (IOException e) {
                        sendFailures.increment();
                    }
                }
            }
            return;
        }
        SrtpSession s = srtp;
        if (s == null || (kind != PacketKind.RTP && kind != PacketKind.RTCP)) {
            return; // STUN answers to consent checks, late DTLS retransmissions
        }
        if (kind == PacketKind.RTCP) {
            int plain = s.unprotectRtcp(buf, 0, len);
            if (plain < 0) {
                unprotectFailures.increment();
                return;
            }
            RTCP.parse(buf, 0, plain).ifPresent(this::onRtcp);
            return;
        }
        receiver.rtpArrived();
        int plain = s.unprotectRtp(buf, 0, len);
        if (plain < 0) {
            unprotectFailures.increment();
            return;
        }
        long ssrc = RtpFields.ssrc(buf, 0);
        IncomingStream in = incoming.computeIfAbsent(ssrc, IncomingStream::new);
        int source = -1;
        int index = -1;
        if (MediaTrailer.present(buf, 12, plain)) {
            source = MediaTrailer.streamId(buf, plain);
            index = MediaTrailer.index(buf, plain);
            if (bySource.get(source) != in) {
                bySource.put(source, in);
            }
            receiver.delay(MediaTrailer.sendNanos(buf, plain), now);
        }
        List<Integer> missing = in.received(RtpFields.sequenceNumber(buf, 0), source, index);
        if (!missing.isEmpty()) {
            sendRtcp(List.of(new RtcpPacket.GenericNack(rtcpSsrc, ssrc, missing)));
            receiver.nacked(missing.size());
        }
    }

    private void onRtcp(List<RtcpPacket> packets) {
        for (RtcpPacket p : packets) {
            if (p instanceof RtcpPacket.PictureLossIndication pli) {
                keyframe(pli.mediaSsrc());
            } else if (p instanceof RtcpPacket.FullIntraRequest fir) {
                fir.entries().forEach(e -> keyframe(e.ssrc()));
            } else if (p instanceof RtcpPacket.GenericNack nack) {
                OutgoingStream stream = outgoingBySsrc.get(nack.mediaSsrc());
                if (stream != null) {
                    nack.lostSequenceNumbers().forEach(stream::resend);
                }
            }
        }
    }

    private void keyframe(long ssrc) {
        OutgoingStream stream = outgoingBySsrc.get(ssrc);
        if (stream != null) {
            stream.requestKeyframe();
        }
    }

    /** Distinct packets with index in [from, to) of source stream {@code sourceId} that reached this connection. */
    public int distinctFrom(int sourceId, int from, int to) {
        IncomingStream in = bySource.get(sourceId);
        return in == null ? 0 : in.distinct(from, to);
    }

    /** Whether anything of source stream {@code sourceId} arrived here yet. */
    public boolean receivedFrom(int sourceId) {
        return bySource.containsKey(sourceId);
    }

    long sendFailures() {
        return sendFailures.sum();
    }

    long unprotectFailures() {
        return unprotectFailures.sum();
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
        SrtpSession s = srtp;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
