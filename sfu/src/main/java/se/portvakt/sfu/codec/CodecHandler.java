package se.portvakt.sfu.codec;

import java.util.Locale;

/**
 * What forwarding must know of a payload format, in one place per codec (as Galène's {@code codecs} package keeps
 * it): whether a receiver can start anywhere in the stream or only at a keyframe, and which packet starts one.
 * A new video codec (H.264: an IDR in a single NAL, STAP-A or the first FU-A fragment, RFC 6184; AV1: the N bit
 * of the aggregation header, RFC 9628 draft) is one more constant here and its answerer's codec name.
 */
public enum CodecHandler {

    /** Audio, and any format the SFU does not read: every packet is forwarded as it comes. */
    OPAQUE {
        @Override
        public boolean keyframeGated() {
            return false;
        }

        @Override
        public boolean startsKeyframe(byte[] rtp, int off, int len) {
            return false;
        }
    },

    /** VP8 (RFC 7741): a receiver that joins or switches layers starts at a keyframe, never at a delta frame. */
    VP8 {
        @Override
        public boolean keyframeGated() {
            return true;
        }

        @Override
        public boolean startsKeyframe(byte[] rtp, int off, int len) {
            return Vp8Keyframe.starts(rtp, off, len);
        }
    };

    /** A receiver must wait for a keyframe before anything of this stream is forwarded to it. */
    public abstract boolean keyframeGated();

    /** True if the plain RTP packet at {@code rtp[off, off + len)} is the first packet of a keyframe. */
    public abstract boolean startsKeyframe(byte[] rtp, int off, int len);

    /** The handler for an SDP encoding name (a=rtpmap), case-insensitive; unknown names are opaque. */
    public static CodecHandler forEncoding(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "VP8" -> VP8;
            default -> OPAQUE;
        };
    }
}
