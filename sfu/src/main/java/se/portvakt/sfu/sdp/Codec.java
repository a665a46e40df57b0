package se.portvakt.sfu.sdp;

import java.util.List;
import java.util.OptionalInt;

/**
 * One payload type of an m-line, gathered from a=rtpmap, a=fmtp and a=rtcp-fb.
 *
 * @param channels 0 when rtpmap gives none (video)
 * @param fmtp     the format parameters as written, or empty
 * @param feedback rtcp-fb values in offer order, e.g. "nack", "nack pli", "ccm fir"
 */
public record Codec(int payloadType, String name, int clockRate, int channels, String fmtp, List<String> feedback) {

    public boolean isRtx() {
        return name.equalsIgnoreCase("rtx");
    }

    /** For RTX: the payload type it repairs (RFC 4588 apt parameter). */
    public OptionalInt associatedPayloadType() {
        for (String param : fmtp.split(";")) {
            String p = param.trim();
            if (p.startsWith("apt=")) {
                try {
                    return OptionalInt.of(Integer.parseInt(p.substring(4)));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }
}
