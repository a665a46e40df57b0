package se.portvakt.sfu.twcc;

/**
 * Reads the transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01 section 2: 16 bits,
 * one counter for every RTP packet of the connection, RTX and padding included) from a plain RTP packet's header
 * extensions, one-byte or two-byte form (RFC 8285 sections 4.2 and 4.3), without allocating.
 */
public final class TransportSequence {
    /** Returned when the packet carries no transport-wide sequence number under that id. */
    public static final int NONE = -1;

    private TransportSequence() {}

    /** The 16-bit number, or {@link #NONE}. */
    public static int read(byte[] buf, int off, int len, int extensionId) {
        if (extensionId < 1 || len < 12 || (buf[off] & 0x10) == 0) {
            return NONE;
        }
        int at = off + 12 + 4 * (buf[off] & 0x0F);
        if (at + 4 > off + len) {
            return NONE;
        }
        int profile = ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
        boolean oneByte = profile == 0xBEDE;
        if (!oneByte && (profile & 0xFFF0) != 0x1000) {
            return NONE;
        }
        int end = at + 4 + 4 * (((buf[at + 2] & 0xFF) << 8) | (buf[at + 3] & 0xFF));
        if (end > off + len) {
            return NONE;
        }
        int pos = at + 4;
        while (pos < end) {
            int id = buf[pos] & 0xFF;
            if (id == 0) { // padding
                pos++;
                continue;
            }
            int dataLength;
            if (oneByte) {
                dataLength = (id & 0x0F) + 1;
                id >>= 4;
                pos++;
                if (id == 15) {
                    return NONE; // 15 ends parsing (RFC 8285 section 4.2)
                }
            } else {
                if (pos + 1 >= end) {
                    return NONE;
                }
                dataLength = buf[pos + 1] & 0xFF;
                pos += 2;
            }
            if (pos + dataLength > end) {
                return NONE;
            }
            if (id == extensionId) {
                return dataLength == 2 ? ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF) : NONE;
            }
            pos += dataLength;
        }
        return NONE;
    }
}
