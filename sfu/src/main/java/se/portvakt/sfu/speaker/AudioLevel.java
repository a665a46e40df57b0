package se.portvakt.sfu.speaker;

/**
 * Reads the client-to-mixer audio level (RFC 6464) from an RTP packet's one-byte header
 * extensions (RFC 8285 section 4.2) without allocating. Header extensions are not encrypted
 * by SRTP, but this is meant for the plain packet, after authentication.
 *
 * <pre>
 *  0xBE 0xDE | length in words
 *  ID(4) L(4) | data (L+1 bytes) ... ; audio level data: V(1) level(7), level in -dBov, 127 = silence
 * </pre>
 */
public final class AudioLevel {
    /** Returned when the packet carries no level under that id. */
    public static final int NONE = -1;

    private AudioLevel() {}

    /** The level 0 (loudest) to 127 (silent), or {@link #NONE}. */
    public static int read(byte[] buf, int off, int len, int extensionId) {
        if (extensionId < 1 || extensionId > 14 || len < 12 || (buf[off] & 0x10) == 0) {
            return NONE;
        }
        int at = off + 12 + 4 * (buf[off] & 0x0F);
        if (at + 4 > off + len || (buf[at] & 0xFF) != 0xBE || (buf[at + 1] & 0xFF) != 0xDE) {
            return NONE;
        }
        int end = at + 4 + 4 * (((buf[at + 2] & 0xFF) << 8) | (buf[at + 3] & 0xFF));
        if (end > off + len) {
            return NONE;
        }
        int pos = at + 4;
        while (pos < end) {
            int b = buf[pos] & 0xFF;
            if (b == 0) { // padding
                pos++;
                continue;
            }
            int id = b >> 4;
            int dataLength = (b & 0x0F) + 1;
            if (id == 15 || pos + 1 + dataLength > end) {
                return NONE; // 15 ends parsing (RFC 8285 section 4.2)
            }
            if (id == extensionId) {
                return buf[pos + 1] & 0x7F;
            }
            pos += 1 + dataLength;
        }
        return NONE;
    }
}
