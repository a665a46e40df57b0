package se.portvakt.sfu.rtx;

import se.portvakt.sfu.rtp.RtpFields;

/**
 * Turns an RTX retransmission (RFC 4588 section 4) back into the packet it repairs, in place:
 * the first two payload bytes are the original sequence number (OSN); they are removed, and
 * the payload type and SSRC become the original stream's. Allocates nothing.
 *
 * <pre>
 * RTX packet:  RTP header (rtx pt, rtx ssrc, rtx seq) | OSN (16) | original payload | [padding]
 * result:      RTP header (apt, media ssrc, OSN)      |            original payload | [padding]
 * </pre>
 *
 * Invariant: {@code buf[off, off + len)} is a plain RTP packet that {@code RtpParser} accepted.
 */
public final class RtxUnwrap {
    /** Returned for padding-only RTX packets (Chrome's bandwidth probes), which repair nothing. */
    public static final int NOTHING = -1;

    private RtxUnwrap() {}

    /** @return the new length, or {@link #NOTHING} */
    public static int unwrap(byte[] buf, int off, int len, int originalPayloadType, long originalSsrc) {
        int payload = 12 + 4 * (buf[off] & 0x0F);
        if ((buf[off] & 0x10) != 0) {
            if (payload + 4 > len) {
                return NOTHING;
            }
            payload += 4 + 4 * (((buf[off + payload + 2] & 0xFF) << 8) | (buf[off + payload + 3] & 0xFF));
        }
        int padding = (buf[off] & 0x20) != 0 ? buf[off + len - 1] & 0xFF : 0;
        if (payload + 2 + padding > len || (padding == 0 && payload + 2 == len)) {
            return NOTHING; // no OSN, or an OSN with neither payload nor padding
        }
        if (payload + 2 + padding == len) {
            return NOTHING; // only OSN and padding: a probe
        }
        int osn = ((buf[off + payload] & 0xFF) << 8) | (buf[off + payload + 1] & 0xFF);
        System.arraycopy(buf, off + payload + 2, buf, off + payload, len - payload - 2);
        RtpFields.setPayloadType(buf, off, originalPayloadType);
        RtpFields.setSequenceNumber(buf, off, osn);
        RtpFields.setSsrc(buf, off, originalSsrc);
        return len - 2;
    }
}
