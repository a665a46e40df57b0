package se.portvakt.sfu.demux;

import java.util.concurrent.atomic.LongAdder;

/**
 * Sorts datagrams on the bundled port by their first byte (RFC 7983 section 7)
 * and RTP from RTCP by the second byte (RFC 5761 section 4).
 *
 * <p>Allocation-free and thread-safe: called once per received datagram on the hot path.
 */
public final class PacketDemux {

    /** A STUN header is 20 bytes. */
    static final int MIN_STUN = 20;
    /** A DTLS record header is 13 bytes. */
    static final int MIN_DTLS = 13;
    /** The fixed RTP header is 12 bytes. */
    static final int MIN_RTP = 12;
    /** The shortest RTCP packet (an RR without report blocks) is 8 bytes. */
    static final int MIN_RTCP = 8;

    private final LongAdder dropped = new LongAdder();

    /** Classifies {@code len} bytes at {@code off}; counts and returns UNKNOWN for anything unusable. */
    public PacketKind classify(byte[] buf, int off, int len) {
        PacketKind kind = kindOf(buf, off, len);
        if (kind == PacketKind.UNKNOWN) {
            dropped.increment();
        }
        return kind;
    }

    /** Number of datagrams classified UNKNOWN since start. */
    public long dropped() {
        return dropped.sum();
    }

    static PacketKind kindOf(byte[] buf, int off, int len) {
        if (len < 1 || off < 0 || off + len > buf.length) {
            return PacketKind.UNKNOWN;
        }
        int first = buf[off] & 0xFF;
        if (first <= 3) {
            return len >= MIN_STUN ? PacketKind.STUN : PacketKind.UNKNOWN;
        }
        if (first >= 20 && first <= 63) {
            return len >= MIN_DTLS ? PacketKind.DTLS : PacketKind.UNKNOWN;
        }
        if (first >= 128 && first <= 191) {
            return rtpOrRtcp(buf, off, len);
        }
        // 16-19 ZRTP and 64-79 TURN channels are not used by this SFU.
        return PacketKind.UNKNOWN;
    }

    /**
     * RTCP packet types 192-223 (FIR/NACK legacy, SR, RR, SDES, BYE, APP, RTPFB, PSFB, XR)
     * occupy the byte where RTP has marker + payload type 64-95, which RFC 5761 forbids for RTP.
     */
    private static PacketKind rtpOrRtcp(byte[] buf, int off, int len) {
        if (len < 2) {
            return PacketKind.UNKNOWN;
        }
        int second = buf[off + 1] & 0xFF;
        if (second >= 192 && second <= 223) {
            return len >= MIN_RTCP ? PacketKind.RTCP : PacketKind.UNKNOWN;
        }
        return len >= MIN_RTP ? PacketKind.RTP : PacketKind.UNKNOWN;
    }
}
