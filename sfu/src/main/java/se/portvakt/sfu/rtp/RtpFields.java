package se.portvakt.sfu.rtp;

/**
 * Reads and writes RTP fixed-header fields in place (RFC 3550 section 5.1). This is the
 * forwarding hot path: no allocation, no validation beyond what {@link RtpParser} did once.
 *
 * <pre>
 *  0                   1                   2                   3
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * </pre>
 *
 * Invariant for every method: {@code buf[off, off + 12)} is a parsed RTP header.
 */
public final class RtpFields {
    private RtpFields() {}

    public static boolean marker(byte[] buf, int off) {
        return (buf[off + 1] & 0x80) != 0;
    }

    public static int payloadType(byte[] buf, int off) {
        return buf[off + 1] & 0x7F;
    }

    public static int sequenceNumber(byte[] buf, int off) {
        return ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
    }

    /** Unsigned 32-bit timestamp. */
    public static long timestamp(byte[] buf, int off) {
        return readUint32(buf, off + 4);
    }

    /** Unsigned 32-bit SSRC. */
    public static long ssrc(byte[] buf, int off) {
        return readUint32(buf, off + 8);
    }

    public static void setMarker(byte[] buf, int off, boolean marker) {
        buf[off + 1] = (byte) ((buf[off + 1] & 0x7F) | (marker ? 0x80 : 0));
    }

    /** Keeps the marker bit. */
    public static void setPayloadType(byte[] buf, int off, int payloadType) {
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (payloadType & 0x7F));
    }

    public static void setSequenceNumber(byte[] buf, int off, int sequenceNumber) {
        buf[off + 2] = (byte) (sequenceNumber >> 8);
        buf[off + 3] = (byte) sequenceNumber;
    }

    public static void setTimestamp(byte[] buf, int off, long timestamp) {
        writeUint32(buf, off + 4, timestamp);
    }

    public static void setSsrc(byte[] buf, int off, long ssrc) {
        writeUint32(buf, off + 8, ssrc);
    }

    /**
     * Removes the header extension block (RFC 3550 section 5.3.1) in place, moving the payload up, and clears
     * the X bit: a forwarded packet must not carry the publisher's mid or other per-hop extensions to a
     * subscriber that negotiated different ids.
     *
     * @return the packet's new length ({@code len} when it had no extension or the block overruns it)
     */
    public static int stripExtension(byte[] buf, int off, int len) {
        if ((buf[off] & 0x10) == 0) {
            return len;
        }
        int at = off + 12 + 4 * (buf[off] & 0x0F);
        if (at + 4 > off + len) {
            return len;
        }
        int block = 4 + 4 * (((buf[at + 2] & 0xFF) << 8) | (buf[at + 3] & 0xFF));
        if (at + block > off + len) {
            return len;
        }
        System.arraycopy(buf, at + block, buf, at, off + len - at - block);
        buf[off] &= (byte) ~0x10;
        return len - block;
    }

    static long readUint32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    static void writeUint32(byte[] b, int at, long v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }
}
