package se.portvakt.sfu.server;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import se.portvakt.sfu.rtp.HeaderExtension;
import se.portvakt.sfu.rtp.RtpHeader;
import se.portvakt.sfu.rtp.RtpParser;

/**
 * What a simulcast packet says it is: its m-section (the sdes:mid extension, RFC 8843) and its layer (the
 * sdes:rtp-stream-id extension, RFC 8852; for an RTX packet, the repaired-rtp-stream-id read in its place). Read only
 * for an SSRC not seen before, so parsing may allocate.
 *
 * @param mid null when the packet does not carry it
 * @param rid null when the packet does not carry it
 */
record LayerName(String mid, String rid) {
    private static final RtpParser PARSER = new RtpParser();

    /** The names in the packet's header (SRTP leaves it in the clear); empty when it carries neither. */
    static Optional<LayerName> read(byte[] buf, int len, int midId, int ridId) {
        RtpHeader header = PARSER.parse(buf, 0, len).orElse(null);
        if (header == null) {
            return Optional.empty();
        }
        String mid = text(header, midId);
        String rid = text(header, ridId);
        return mid == null && rid == null ? Optional.empty() : Optional.of(new LayerName(mid, rid));
    }

    private static String text(RtpHeader header, int id) {
        if (id < 1) {
            return null;
        }
        return header.extension(id)
                .map(HeaderExtension::data)
                .map(data -> new String(data, StandardCharsets.US_ASCII))
                .filter(s -> !s.isEmpty())
                .orElse(null);
    }
}
