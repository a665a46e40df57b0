package se.portvakt.bench.micro;

import se.portvakt.sfu.rtp.RtpFields;

/** Plain RTP packets for the microbenchmarks, shaped like Chrome's (one-byte header extensions). */
final class SyntheticRtp {
    private SyntheticRtp() {}

    /** V=2, the given payload type and SSRC, {@code payload} bytes after the fixed header; no extension. */
    static byte[] packet(long ssrc, int payloadType, int seq, int payload) {
        byte[] p = new byte[12 + payload];
        p[0] = (byte) 0x80;
        RtpFields.setPayloadType(p, 0, payloadType);
        RtpFields.setSequenceNumber(p, 0, seq & 0xFFFF);
        RtpFields.setTimestamp(p, 0, 90_000L);
        RtpFields.setSsrc(p, 0, ssrc);
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) (i * 31);
        }
        return p;
    }

    /**
     * As Chrome sends video: X=1 with a one-byte-header extension block (0xBEDE) holding abs-send-time (id 2,
     * 3 bytes), transport-wide-cc (id 3, 2 bytes) and mid (id 4, 1 byte), padded to 12 bytes.
     */
    static byte[] withExtensions(long ssrc, int payloadType, int seq, int payload) {
        byte[] ext = {(byte) 0xBE, (byte) 0xDE, 0, 3, 0x22, 1, 2, 3, 0x31, 0, 42, 0x40, '1', 0, 0, 0};
        byte[] p = new byte[12 + ext.length + payload];
        p[0] = (byte) 0x90;
        RtpFields.setPayloadType(p, 0, payloadType);
        RtpFields.setSequenceNumber(p, 0, seq & 0xFFFF);
        RtpFields.setTimestamp(p, 0, 90_000L);
        RtpFields.setSsrc(p, 0, ssrc);
        System.arraycopy(ext, 0, p, 12, ext.length);
        for (int i = 12 + ext.length; i < p.length; i++) {
            p[i] = (byte) (i * 31);
        }
        return p;
    }
}
