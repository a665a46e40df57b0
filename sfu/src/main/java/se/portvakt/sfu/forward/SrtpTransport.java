package se.portvakt.sfu.forward;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import se.portvakt.sfu.rtcp.RtcpEncoder;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.transport.PacketSink;

/**
 * One peer's protected path: SRTP on top of a {@link PacketSink}. This is where DTLS plugs in:
 * until {@link #srtpReady} gets the session keyed from the DTLS handshake, every send is
 * dropped and counted, so forwarding can be wired before the handshake ends.
 *
 * <p>Sends are synchronized: SRTP protect advances per-SSRC state (rollover counter, SRTCP
 * index), and the forwarder and the timer may both send to one peer.
 */
public final class SrtpTransport {
    private final PacketSink sink;
    private volatile SrtpSession session;
    private final LongAdder droppedBeforeKeys = new LongAdder();
    private final LongAdder protectFailures = new LongAdder();
    private byte[] rtcpScratch = new byte[1500];

    private long rtpBytesSent;

    public SrtpTransport(PacketSink sink) {
        this.sink = sink;
    }

    public SrtpTransport(SrtpSession session, PacketSink sink) {
        this(sink);
        this.session = session;
    }

    /** Called by the DTLS layer once keys are exported; from then on packets flow. */
    public void srtpReady(SrtpSession session) {
        this.session = session;
    }

    /** The session for unprotecting what this peer sends us, or null before DTLS is done. */
    public SrtpSession session() {
        return session;
    }

    /**
     * Protects the plain RTP packet in place and sends it.
     * Invariant: {@code buf} has the profile's overhead free after {@code off + len}.
     */
    public synchronized boolean sendRtp(byte[] buf, int off, int len) {
        SrtpSession s = session;
        if (s == null) {
            droppedBeforeKeys.increment();
            return false;
        }
        int protectedLength = s.protectRtp(buf, off, len);
        if (protectedLength == SrtpSession.FAILED) {
            protectFailures.increment();
            return false;
        }
        sink.send(buf, off, protectedLength);
        rtpBytesSent += len;
        return true;
    }

    /** Plain RTP bytes sent so far (retransmissions included): what the receiver's downlink was asked to carry. */
    public synchronized long rtpBytesSent() {
        return rtpBytesSent;
    }

    /** Encodes the packets as one compound, protects and sends it. */
    public synchronized boolean sendRtcp(List<? extends RtcpPacket> packets) {
        SrtpSession s = session;
        if (s == null || packets.isEmpty()) {
            droppedBeforeKeys.increment();
            return false;
        }
        byte[] plain = RtcpEncoder.encode(packets);
        int room = plain.length + s.profile().rtcpOverhead();
        if (rtcpScratch.length < room) {
            rtcpScratch = new byte[room];
        }
        System.arraycopy(plain, 0, rtcpScratch, 0, plain.length);
        int protectedLength = s.protectRtcp(rtcpScratch, 0, plain.length);
        if (protectedLength == SrtpSession.FAILED) {
            protectFailures.increment();
            return false;
        }
        sink.send(rtcpScratch, 0, protectedLength);
        return true;
    }

    public long droppedBeforeKeys() {
        return droppedBeforeKeys.sum();
    }

    public long protectFailures() {
        return protectFailures.sum();
    }
}
