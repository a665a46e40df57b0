package se.portvakt.sfu.rtcp;

import java.util.function.LongUnaryOperator;

/**
 * Rewrites, in place, the media-source SSRCs that feedback packets (RTPFB, PSFB) in a
 * compound point at, so that a subscriber's NACK or PLI for the SSRC it sees reaches the
 * publisher under the SSRC the publisher sent. FIR entries are rewritten too; REMB
 * SSRC lists and report blocks are left to the caller, which rebuilds those anyway.
 *
 * <p>Allocation-free. Invariant: the compound has already passed {@link RtcpParser}.
 */
public final class RtcpRewriter {
    private RtcpRewriter() {}

    public static void rewriteMediaSsrcs(byte[] buf, int off, int len, LongUnaryOperator map) {
        int pos = off;
        int end = off + len;
        while (pos + 4 <= end) {
            int type = buf[pos + 1] & 0xFF;
            int fmt = buf[pos] & 0x1F;
            int length = 4 * (RtcpParser.readUint16(buf, pos + 2) + 1);
            if (pos + length > end) {
                return;
            }
            if ((type == RtcpPacket.RTPFB || type == RtcpPacket.PSFB) && length >= 12) {
                if (type == RtcpPacket.PSFB && fmt == RtcpPacket.FullIntraRequest.FMT) {
                    for (int at = pos + 12; at + 8 <= pos + length; at += 8) {
                        write(buf, at, map.applyAsLong(RtcpParser.readUint32(buf, at)));
                    }
                } else {
                    long media = RtcpParser.readUint32(buf, pos + 8);
                    if (media != 0) {
                        write(buf, pos + 8, map.applyAsLong(media));
                    }
                }
            }
            pos += length;
        }
    }

    private static void write(byte[] b, int at, long v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }
}
