package se.portvakt.sfu.codec;

/**
 * Tells whether an RTP packet starts a VP8 keyframe, reading the payload descriptor
 * (RFC 7741 section 4.2) and the first byte of the VP8 payload header (section 4.3, the
 * inverse key frame flag P of RFC 6386 section 9.1). Allocates nothing.
 *
 * <pre>
 * descriptor: X R N S R PID(3) | [I L T K RSV(4)] | [M PictureID(7) [PictureID(8)]] | [TL0PICIDX] | [TID Y KEYIDX]
 * payload header, first byte when S = 1 and PID = 0: Size0(3) H VER(3) P   (P = 0: key frame)
 * </pre>
 */
public final class Vp8Keyframe {
    private Vp8Keyframe() {}

    /** True if the plain RTP packet at {@code buf[off, off + len)} is the first packet of a keyframe. */
    public static boolean starts(byte[] buf, int off, int len) {
        int end = off + len;
        if (len < 12) {
            return false;
        }
        int at = off + 12 + 4 * (buf[off] & 0x0F);
        if ((buf[off] & 0x10) != 0) {
            if (at + 4 > end) {
                return false;
            }
            at += 4 + 4 * (((buf[at + 2] & 0xFF) << 8) | (buf[at + 3] & 0xFF));
        }
        if ((buf[off] & 0x20) != 0) {
            end -= buf[end - 1] & 0xFF;
        }
        if (at >= end) {
            return false;
        }
        int first = buf[at] & 0xFF;
        boolean startOfPartition = (first & 0x10) != 0 && (first & 0x07) == 0;
        if (!startOfPartition) {
            return false;
        }
        at++;
        if ((first & 0x80) != 0) { // X: extension control byte
            if (at >= end) {
                return false;
            }
            int control = buf[at++] & 0xFF;
            if ((control & 0x80) != 0) { // I: picture id, 7 or 15 bits
                if (at >= end) {
                    return false;
                }
                at += (buf[at] & 0x80) != 0 ? 2 : 1;
            }
            if ((control & 0x40) != 0) { // L: TL0PICIDX
                at++;
            }
            if ((control & 0x30) != 0) { // T or K: TID/Y/KEYIDX
                at++;
            }
        }
        return at < end && (buf[at] & 0x01) == 0;
    }
}
