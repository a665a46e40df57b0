package se.portvakt.sfu.rtp;

import java.util.List;
import java.util.Optional;

/**
 * A parsed RTP header (RFC 3550 section 5.1) with its RFC 8285 extensions.
 * Offsets are relative to the start of the packet.
 *
 * <p>Allocates; the forwarding path will read single fields through {@link RtpFields}
 * and extension offsets instead of building this record per packet.
 *
 * @param extensionProfile the 16-bit "defined by profile" value, or -1 without an extension block
 * @param payloadOffset    first payload byte (after CSRCs and the extension block)
 * @param payloadLength    payload bytes, excluding padding
 * @param paddingLength    padding bytes at the end including the count byte, 0 without P
 */
public record RtpHeader(
        boolean marker,
        int payloadType,
        int sequenceNumber,
        long timestamp,
        long ssrc,
        List<Long> csrcs,
        int extensionProfile,
        List<HeaderExtension> extensions,
        int payloadOffset,
        int payloadLength,
        int paddingLength) {

    /** Profile value of the one-byte header form, RFC 8285 section 4.2. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** Two-byte form: 0x100 followed by 4 application bits, RFC 8285 section 4.3. */
    public static final int TWO_BYTE_PROFILE_MASK = 0xFFF0;

    public static final int TWO_BYTE_PROFILE = 0x1000;

    public Optional<HeaderExtension> extension(int id) {
        return extensions.stream().filter(e -> e.id() == id).findFirst();
    }
}
