package se.portvakt.sfu.rtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Parses RTP headers. Malformed packets are counted and yield an empty result; nothing
 * is thrown, since every byte here comes from the network.
 */
public final class RtpParser {
    static final int FIXED_HEADER = 12;

    private final LongAdder malformed = new LongAdder();

    public Optional<RtpHeader> parse(byte[] buf, int off, int len) {
        Optional<RtpHeader> header = tryParse(buf, off, len);
        if (header.isEmpty()) {
            malformed.increment();
        }
        return header;
    }

    /** Packets rejected since start. */
    public long malformed() {
        return malformed.sum();
    }

    static Optional<RtpHeader> tryParse(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < FIXED_HEADER || off + len > buf.length) {
            return Optional.empty();
        }
        int first = buf[off] & 0xFF;
        if (first >> 6 != 2) {
            return Optional.empty();
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int pos = FIXED_HEADER + 4 * csrcCount;
        if (pos > len) {
            return Optional.empty();
        }
        List<Long> csrcs = new ArrayList<>(csrcCount);
        for (int i = 0; i < csrcCount; i++) {
            csrcs.add(RtpFields.readUint32(buf, off + FIXED_HEADER + 4 * i));
        }
        int profile = -1;
        List<HeaderExtension> extensions = List.of();
        if (extension) {
            if (pos + 4 > len) {
                return Optional.empty();
            }
            profile = ((buf[off + pos] & 0xFF) << 8) | (buf[off + pos + 1] & 0xFF);
            int words = ((buf[off + pos + 2] & 0xFF) << 8) | (buf[off + pos + 3] & 0xFF);
            int start = pos + 4;
            int end = start + 4 * words;
            if (end > len) {
                return Optional.empty();
            }
            Optional<List<HeaderExtension>> parsed = parseExtensions(buf, off, start, end, profile);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            extensions = parsed.get();
            pos = end;
        }
        int paddingLength = 0;
        if (padding) {
            paddingLength = buf[off + len - 1] & 0xFF;
            if (paddingLength == 0 || pos + paddingLength > len) {
                return Optional.empty();
            }
        }
        return Optional.of(new RtpHeader(
                RtpFields.marker(buf, off),
                RtpFields.payloadType(buf, off),
                RtpFields.sequenceNumber(buf, off),
                RtpFields.timestamp(buf, off),
                RtpFields.ssrc(buf, off),
                List.copyOf(csrcs),
                profile,
                extensions,
                pos,
                len - pos - paddingLength,
                paddingLength));
    }

    /** Elements of an RFC 8285 block in {@code [start, end)}; other profiles are kept opaque. */
    private static Optional<List<HeaderExtension>> parseExtensions(
            byte[] buf, int off, int start, int end, int profile) {
        boolean oneByte = profile == RtpHeader.ONE_BYTE_PROFILE;
        boolean twoByte = (profile & RtpHeader.TWO_BYTE_PROFILE_MASK) == RtpHeader.TWO_BYTE_PROFILE;
        if (!oneByte && !twoByte) {
            return Optional.of(List.of());
        }
        List<HeaderExtension> out = new ArrayList<>();
        int pos = start;
        while (pos < end) {
            int b = buf[off + pos] & 0xFF;
            if (b == 0) {
                pos++; // padding between elements
                continue;
            }
            int id;
            int length;
            int dataStart;
            if (oneByte) {
                id = b >> 4;
                if (id == 15) {
                    break; // RFC 8285 section 4.2: stop processing the block
                }
                length = (b & 0x0F) + 1;
                dataStart = pos + 1;
            } else {
                if (pos + 2 > end) {
                    return Optional.empty();
                }
                id = b;
                length = buf[off + pos + 1] & 0xFF;
                dataStart = pos + 2;
            }
            if (dataStart + length > end) {
                return Optional.empty();
            }
            out.add(new HeaderExtension(
                    id, dataStart, Arrays.copyOfRange(buf, off + dataStart, off + dataStart + length)));
            pos = dataStart + length;
        }
        return Optional.of(List.copyOf(out));
    }
}
